package fr.cnam.aam.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call what, walked over every operation of the served OpenAPI document (a new endpoint cannot escape:
 * one no rule below classifies fails the test) × anonymous, a forged token and each demo client, with real tokens
 * from the demo authorization server ({@code /oauth2/token}, client credentials). Then the own-caisse rule of an
 * agent, with a contract of another caisse.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SecurityMatrixTest {

    private static final String AGENT = "CPAM_AGENT";
    private static final String PAYMENT = "PAYMENT_SYSTEM";
    private static final String STATS = "STATISTICS";
    private static final String AUDITOR = "AUDITOR";
    private static final String ADMIN = "ADMIN";
    private static final String MANAGER = "NATIONAL_MANAGER";
    private static final Set<String> EVERYONE = Set.of(AGENT, PAYMENT, STATS, AUDITOR, ADMIN);
    /** The demo client of each role (application.yml). */
    private static final Map<String, String> CLIENTS = Map.of(AGENT, "cpam-751", PAYMENT, "payment-system",
                                                              STATS, "statistics", AUDITOR, "auditor",
                                                              ADMIN, "admin", MANAGER, "national-manager");
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    TestOperatorTokens operator;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** The roles that may call an operation: the specification this test holds the app to (issue 12). */
    private static Set<String> allowed(String method, String path) {
        if (path.startsWith("/api/v1/admin/")) {
            return Set.of(ADMIN);
        }
        if (path.startsWith("/api/v1/rulebook")) {
            return method.equals("GET") ? Set.of(AGENT, PAYMENT, STATS, AUDITOR, ADMIN, MANAGER) : Set.of(ADMIN);
        }
        if (path.startsWith("/api/v1/dashboard")) {
            return Set.of(AGENT, AUDITOR, MANAGER);
        }
        if (path.startsWith("/api/v1/simulations/")) {
            return EVERYONE;
        }
        if (path.startsWith("/api/v1/payments/")) {
            return method.equals("GET") ? Set.of(AGENT, PAYMENT, AUDITOR) : Set.of(PAYMENT);
        }
        if (path.equals("/api/v1/contracts/{contractId}/activity")) {
            return Set.of(STATS);
        }
        if (path.startsWith("/api/v1/eligibility/") || path.startsWith("/api/v1/contracts")
            || path.startsWith("/api/v1/assistants") || path.startsWith("/api/v1/collective-contracts")) {
            return method.equals("GET") ? Set.of(AGENT, AUDITOR) : Set.of(AGENT);
        }
        if (path.startsWith("/api/v1/disputes/")) {
            return Set.of(AGENT, AUDITOR);
        }
        if (path.equals("/api/v1/feed")) {
            return Set.of(AGENT, PAYMENT, STATS, AUDITOR);
        }
        return null;
    }

    private HttpResponse<String> call(String method, String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                                 .timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (method.equals("POST")) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            // a live stream (the dashboard's) never ends: its status is what is checked, its body is let go
            return client.send(request.build(), info -> info.headers().firstValue("Content-Type").orElse("")
                    .startsWith("text/event-stream")
                    ? HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofInputStream(), in -> {
                        try {
                            in.close();
                        } catch (IOException ignored) {
                            // closed either way
                        }
                        return "(event stream)";
                    })
                    : HttpResponse.BodySubscribers.ofString(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String ok(String token, String path, String json) {
        HttpResponse<String> answer = call("POST", path, token, json);
        assertThat(answer.statusCode()).as(path + " → " + answer.body()).isEqualTo(201);
        return answer.body();
    }

    /** A doctor of {@code caisse}, assessed and signed, with an assistant: ids by path variable. */
    private Map<String, String> contractOf(String caisse, String token) {
        String suffix = "m" + caisse + "-" + UUID.randomUUID().toString().substring(0, 8);
        String rpps = Signatures.newRpps();
        ok(token, "/api/v1/eligibility/assessments", """
                {"assessmentId":"%s","rpps":"%s","caisseCode":"%s","date":"2023-05-15",
                 "specialty":"MEDECINE_GENERALE","sector":"SECTOR_1","mtPatients":1300,"fileActive":2000,
                 "departement":"%s","age":50}""".formatted(suffix, rpps, caisse, caisse.substring(0, 2)));
        ok(token, "/api/v1/contracts", """
                {"contractId":"%s","assessmentId":"%s","rpps":"%s","caisseCode":"%s","departement":"%s",
                 "option":"FULL_TIME","activityBand":"P50_P70","initialMtPatients":1300,"initialFileActive":2000,
                 "signedOn":"2023-06-01"}""".formatted(suffix, suffix, rpps, caisse, caisse.substring(0, 2)));
        ok(token, "/api/v1/assistants", """
                {"assistantId":"%s","contractIds":["Contract:%s"],"employerType":"DOCTOR","permanentContract":true,
                 "weeklyHours":35,"hiredOn":"2023-07-01","qualifications":["CQP"],"caisseCode":"%s"}"""
                .formatted(suffix, suffix, caisse));
        return Map.of("contractId", "Contract:" + suffix, "assessmentId", "Assessment:" + suffix,
                      "assistantId", "Assistant:" + suffix);
    }

    private static String fill(String template, Map<String, String> ids) {
        String path = template;
        for (Map.Entry<String, String> id : ids.entrySet()) {
            path = path.replace("{" + id.getKey() + "}", id.getValue());
        }
        return path.replace("{orderId}", "Order:nobody.Y1.1.1").replace("{name}", "no-such-processor")
                   .replace("{group}", "no-such-group").replace("{table}", "contracts")
                   .replace("{collectiveContractId}", "CollectiveContract:nobody").replace("{rpps}", "10000000009");
    }

    @Test
    void everyOperationTimesEveryRoleIsAnsweredAsSpecified() throws Exception {
        Map<String, String> tokens = new LinkedHashMap<>();
        CLIENTS.forEach((role, id) -> tokens.put(role, DemoTokens.clientCredentials("http://127.0.0.1:" + port,
                                                                                     id)));
        Map<String, String> ids = contractOf("751", tokens.get(AGENT));
        JsonNode api = JSON.readTree(call("GET", "/v3/api-docs", null, null).body());
        List<String> failures = new ArrayList<>();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = api.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = paths.next();
            for (Iterator<String> methods = entry.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next().toUpperCase();
                String template = entry.getKey();
                Set<String> allowed = allowed(method, template);
                if (allowed == null) {
                    failures.add(method + " " + template + ": no rule says who may call it");
                    continue;
                }
                operations++;
                String path = fill(template, ids);
                if (path.equals("/api/v1/assistants/deadlines") || path.startsWith("/api/v1/payments/ledger")) {
                    path += "?caisse=751";
                }
                // bodies that change nothing: {} is refused by validation; an order run for a test caisse with
                // nothing due orders nothing
                String body = path.endsWith("/order-runs") ? "{\"caisseCode\":\"T000000\"}" : "{}";
                HttpResponse<String> anonymous = call(method, path, null, body);
                if (anonymous.statusCode() != 401
                    || !anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer")
                    || !anonymous.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                    failures.add(method + " " + path + " anonymous → " + anonymous.statusCode() + " "
                                 + anonymous.headers().firstValue("WWW-Authenticate"));
                }
                int forged = call(method, path, "eyJhbGciOiJub25lIn0.eyJzdWIiOiJtZSIsInJvbGVzIjpbIkFETUlOIl19.",
                                  body).statusCode();
                if (forged != 401) {
                    failures.add(method + " " + path + " forged token → " + forged);
                }
                for (Map.Entry<String, String> role : tokens.entrySet()) {
                    HttpResponse<String> answer = call(method, path, role.getValue(), body);
                    int status = answer.statusCode();
                    boolean may = allowed.contains(role.getKey());
                    if (may && (status == 401 || status == 403
                                || status == 404 && template.matches(".*\\{(contractId|assessmentId|assistantId)}.*"))) {
                        failures.add(method + " " + path + " as " + role.getKey() + " → " + status
                                     + " (allowed) " + answer.body());
                    } else if (!may && (status != 403 || !answer.body().contains("ROLE_REQUIRED"))) {
                        failures.add(method + " " + path + " as " + role.getKey() + " → " + status
                                     + " (not allowed) " + answer.body());
                    }
                }
            }
        }
        assertThat(operations).as("operations in the OpenAPI document").isGreaterThan(40);
        assertThat(failures).isEmpty();
    }

    @Test
    void anAgentSeesAndTouchesOnlyItsOwnCaisse() {
        String agent751 = DemoTokens.clientCredentials("http://127.0.0.1:" + port, "cpam-751");
        String agent131 = DemoTokens.clientCredentials("http://127.0.0.1:" + port, "cpam-131");
        String auditor = DemoTokens.clientCredentials("http://127.0.0.1:" + port, "auditor");
        Map<String, String> marseille = contractOf("131", agent131);
        String contract = marseille.get("contractId");
        // another caisse's resources do not exist for the agent of 751
        for (String path : List.of("/api/v1/contracts/" + contract, "/api/v1/contracts/" + contract + "/deadlines",
                                   "/api/v1/payments/contracts/" + contract,
                                   "/api/v1/eligibility/assessments/" + marseille.get("assessmentId"),
                                   "/api/v1/assistants/" + marseille.get("assistantId"))) {
            // views are projections: the owner sees it once they caught up; the other caisse never does
            org.awaitility.Awaitility.await(path).atMost(Duration.ofSeconds(15))
                    .until(() -> call("GET", path, agent131, null).statusCode() == 200);
            assertThat(call("GET", path, auditor, null).statusCode()).as(path).isEqualTo(200);
            assertThat(call("GET", path, agent751, null).statusCode()).as(path).isEqualTo(404);
        }
        // the same ids percent-encoded, as the controllers decode them: still another caisse's
        String encoded = contract.replace(":", "%3A");
        assertThat(call("GET", "/api/v1/contracts/" + encoded, agent751, null).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/payments/contracts/" + encoded, agent751, null).statusCode()).isEqualTo(404);
        HttpResponse<String> suspend = call("POST", "/api/v1/contracts/" + contract + "/suspensions", agent751,
                "{\"avenantReference\":\"AV-1\",\"reason\":\"r\",\"effectiveOn\":\"2024-03-01\"}");
        assertThat(suspend.statusCode()).isEqualTo(404);
        HttpResponse<String> hire = call("POST", "/api/v1/assistants", agent751, """
                {"assistantId":"intrus","contractIds":["%s"],"employerType":"DOCTOR","permanentContract":true,
                 "weeklyHours":35,"hiredOn":"2023-07-01","qualifications":["CQP"]}""".formatted(contract));
        assertThat(hire.statusCode()).isEqualTo(404);
        // a list or a creation for another caisse is refused by name; a list without filter is the agent's
        HttpResponse<String> otherList = call("GET", "/api/v1/contracts?caisse=131", agent751, null);
        assertThat(otherList.statusCode()).isEqualTo(403);
        assertThat(otherList.body()).contains("CAISSE_NOT_YOURS");
        HttpResponse<String> ownList = call("GET", "/api/v1/contracts?size=100", agent751, null);
        assertThat(ownList.statusCode()).isEqualTo(200);
        assertThat(ownList.body()).doesNotContain("\"131\"").doesNotContain(contract);
        HttpResponse<String> otherCreation = call("POST", "/api/v1/eligibility/assessments", agent751, """
                {"rpps":"%s","caisseCode":"131","date":"2023-05-15","specialty":"MEDECINE_GENERALE",
                 "sector":"SECTOR_1","mtPatients":1300,"fileActive":2000,"departement":"13","age":50}"""
                .formatted(Signatures.newRpps()));
        assertThat(otherCreation.statusCode()).isEqualTo(403);
        assertThat(otherCreation.body()).contains("CAISSE_NOT_YOURS");
        // a creation that names another caisse's records (its assessment, its assistant) finds nothing
        HttpResponse<String> onTheirAssessment = call("POST", "/api/v1/contracts", agent751, """
                {"contractId":"borrowed","assessmentId":"%s","rpps":"%s","caisseCode":"751","departement":"75",
                 "option":"FULL_TIME","activityBand":"P50_P70","initialMtPatients":1300,"initialFileActive":2000,
                 "signedOn":"2023-06-01"}""".formatted(marseille.get("assessmentId"), Signatures.newRpps()));
        assertThat(onTheirAssessment.statusCode()).as(onTheirAssessment.body()).isEqualTo(404);
        Map<String, String> paris = contractOf("751", agent751);
        HttpResponse<String> replacingTheirs = call("POST", "/api/v1/assistants", agent751, """
                {"assistantId":"successor","contractIds":["%s"],"employerType":"DOCTOR","permanentContract":true,
                 "weeklyHours":35,"hiredOn":"2023-07-01","qualifications":["CQP"],"replacesAssistantId":"%s"}"""
                .formatted(paris.get("contractId"), marseille.get("assistantId")));
        assertThat(replacingTheirs.statusCode()).as(replacingTheirs.body()).isEqualTo(404);
        // a body in another charset would be read differently by the controller than by the check: refused
        try {
            HttpResponse<String> ebcdic = client.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/api/v1/eligibility/assessments"))
                    .header("Authorization", "Bearer " + agent751)
                    .header("Content-Type", "application/json;charset=IBM037")
                    .POST(HttpRequest.BodyPublishers.ofByteArray("{\"caisseCode\":\"131\"}"
                            .getBytes(java.nio.charset.Charset.forName("IBM037"))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(ebcdic.statusCode()).isEqualTo(415);
            assertThat(ebcdic.body()).contains("CHARSET_UNSUPPORTED");
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
        // a token without a subject (who acted?) or without any role of the API grants nothing
        assertThat(call("GET", "/api/v1/rulebook", operator.token("", List.of(AGENT), "751"), null).statusCode())
                .isEqualTo(401);
        assertThat(call("GET", "/api/v1/rulebook", operator.token("someone", List.of("VISITOR"), null), null)
                           .statusCode()).isEqualTo(403);
        // an agent token that names no caisse acts for none
        HttpResponse<String> noCaisse = call("GET", "/api/v1/contracts",
                                             operator.token("agent-x", List.of(AGENT), null), null);
        assertThat(noCaisse.statusCode()).isEqualTo(403);
        assertThat(noCaisse.body()).contains("CAISSE_CLAIM_MISSING");
    }

    @Test
    void healthIsOpenItsDetailsAndMetricsAreTheAdministrators() throws Exception {
        String admin = DemoTokens.clientCredentials("http://127.0.0.1:" + port, "admin");
        String agent = DemoTokens.clientCredentials("http://127.0.0.1:" + port, "cpam-751");
        assertThat(call("GET", "/actuator/health/liveness", null, null).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/actuator/health/readiness", null, null).statusCode()).isEqualTo(200);
        HttpResponse<String> open = call("GET", "/actuator/health", null, null);
        assertThat(open.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(open.body()).has("components")).isFalse();
        assertThat(JSON.readTree(call("GET", "/actuator/health", admin, null).body()).has("components")).isTrue();
        assertThat(call("GET", "/actuator/metrics", null, null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/actuator/metrics", agent, null).statusCode()).isEqualTo(403);
        assertThat(call("GET", "/actuator/metrics", admin, null).statusCode()).isEqualTo(200);
    }
}
