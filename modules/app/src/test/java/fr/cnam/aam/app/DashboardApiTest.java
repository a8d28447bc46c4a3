package fr.cnam.aam.app;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard's figures for a caisse of three contracts whose story the test writes (two in force, one of them
 * suspended, one ended by its doctor): counts, ETP, breakdowns, the month-by-month series, the tables with their
 * filters, sorting, paging and CSV, and who may see what. Expected ETP are the options' shares (regulation.md §2:
 * option 2 "≥ 1/2 ETP", option 3 "1 ETP").
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = "aam.clock.start=2023-07-05T08:00:00Z") // the context of AssistantCalendarTest
@ActiveProfiles("test")
class DashboardApiTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    CommandGateway commands;
    @Autowired
    Clock clock;
    @Autowired
    TestOperatorTokens operator;
    @LocalServerPort
    int port;

    @AfterEach
    void backToTheContextsStart() {
        BusinessTime.today(clock, BusinessTime.CONTEXT_START);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    @Test
    void aCaissesFiguresTablesAndCsvTellItsContractsStory() {
        String caisse = "T" + (100_000 + ThreadLocalRandom.current().nextInt(900_000));
        String a = "Contract:dash-a-" + caisse;
        String b = "Contract:dash-b-" + caisse;
        String c = "Contract:dash-c-" + caisse;
        Signatures.assessAndSign(commands, a, caisse, "FULL_TIME", LocalDate.of(2023, 6, 1));
        Signatures.assessAndSign(commands, b, caisse, "HALF_TIME", LocalDate.of(2023, 6, 15));
        Signatures.assessAndSign(commands, c, caisse, "FULL_TIME", LocalDate.of(2023, 7, 1));
        ok("/api/v1/assistants", """
                {"assistantId":"dash-%s","contractIds":["%s"],"employerType":"DOCTOR","permanentContract":true,
                 "weeklyHours":35,"hiredOn":"2023-07-03","qualifications":[]}""".formatted(caisse, a));
        BusinessTime.today(clock, "2024-03-01");
        // a reason that looks like a spreadsheet formula: the CSV must not let it run
        ok("/api/v1/contracts/" + b + "/suspensions",
           "{\"avenantReference\":\"AV-S\",\"reason\":\"=HYPERLINK(\\\"x\\\") congé\",\"effectiveOn\":\"2024-01-01\"}");
        ok("/api/v1/contracts/" + c + "/termination",
           "{\"by\":\"DOCTOR\",\"reason\":\"départ\",\"notifiedOn\":\"2024-03-01\"}");
        BusinessTime.today(clock, "2024-06-01");
        // the schedules a payments policy plans from the signatures
        for (String contract : List.of(a, b, c)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/v1/payments/contracts/" + contract,
                    auditor(), String.class).getBody(), body -> body != null && body.contains("lineId"));
        }
        Map run = JsonPost.post(http, "/api/v1/payments/order-runs",
                "{\"upTo\":\"2024-06-01\",\"caisseCode\":\"" + caisse + "\"}").getBody();
        List<String> ordered = (List<String>) run.get("orders");
        assertThat(ordered).as("A's lines due by then: " + run).isNotEmpty();

        Map view = await().atMost(Duration.ofSeconds(30)).until(() -> figures("?caisse=" + caisse, auditor()),
                v -> v != null && ((Map) v.get("totals")).get("signedTotal").equals(3)
                     && ((Map) v.get("totals")).get("suspended").equals(1)
                     && ((Map) v.get("totals")).get("ended").equals(1));
        Map totals = (Map) view.get("totals");
        assertThat(view.get("asOf")).isEqualTo("2024-06-01");
        assertThat(totals.get("contractsInForce")).as("A and B (suspended: a suspension stops the aid, not the "
                                                      + "contract); C ended on its notice").isEqualTo(2);
        assertThat(((Number) totals.get("fteInForce")).doubleValue()).as("1 ETP + 1/2 ETP").isEqualTo(1.5);
        assertThat(breakdown(view, "byOption")).containsEntry("FULL_TIME", 1).containsEntry("HALF_TIME", 1);
        assertThat(breakdown(view, "byVersion")).containsOnly(Map.entry("RA_2023", 2));
        assertThat(breakdown(view, "byDepartement")).containsOnly(Map.entry("75", 2));
        assertThat(breakdown(view, "suspensionsByReason")).containsOnly(Map.entry("=HYPERLINK(\"x\") congé", 1));
        Map<String, Map> months = new java.util.HashMap<>();
        for (Map m : (List<Map>) view.get("contracts")) {
            months.put((String) m.get("month"), m);
        }
        assertThat(months.get("2023-06").get("contracts")).as("A and B at the end of June 2023").isEqualTo(2);
        assertThat(((Number) months.get("2023-06").get("fte")).doubleValue()).isEqualTo(1.5);
        assertThat(months.get("2023-07").get("contracts")).as("C from 1 July").isEqualTo(3);
        assertThat(months.get("2024-06").get("contracts")).isEqualTo(2);
        assertThat(((Map) months.get("2024-06").get("byVersion")).get("RA_2023")).isEqualTo(2);

        Map ofDepartement = figures("?caisse=" + caisse + "&departement=13", auditor());
        assertThat(((Map) ofDepartement.get("totals")).get("signedTotal")).isEqualTo(0);
        assertThat(((Map) figures("?caisse=" + caisse + "&departement=75", auditor()).get("totals"))
                .get("signedTotal")).isEqualTo(3);

        // tables: sorted, filtered, paged
        Map newest = table("contracts?caisse=" + caisse + "&sort=signedOn&dir=desc&size=2", auditor());
        assertThat(newest.get("total")).isEqualTo(3);
        assertThat(((List<Map>) newest.get("rows")).stream().map(r -> r.get("contractId")).toList())
                .containsExactly(c, b);
        Map secondPage = table("contracts?caisse=" + caisse + "&sort=signedOn&dir=desc&size=2&page=1", auditor());
        assertThat(((List<Map>) secondPage.get("rows")).stream().map(r -> r.get("contractId")).toList())
                .containsExactly(a);
        Map suspended = table("contracts?caisse=" + caisse + "&status=SUSPENDED", auditor());
        assertThat(((List<Map>) suspended.get("rows")).stream().map(r -> r.get("contractId")).toList())
                .containsExactly(b);
        Map halfTime = table("contracts?caisse=" + caisse + "&fte=0.5", auditor());
        assertThat(halfTime.get("total")).isEqualTo(1);

        ResponseEntity<byte[]> csv = get("/api/v1/dashboard/tables/contracts?caisse=" + caisse
                                         + "&sort=contractId&format=csv", auditor(), byte[].class);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getHeaders().getContentDisposition().getFilename()).isEqualTo("contracts-" + caisse + ".csv");
        String text = new String(csv.getBody(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFContrat;Caisse;Département;");
        List<String> lines = text.lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).startsWith(a + ";" + caisse + ";75;MEDECINE_GENERALE;FULL_TIME;1;RA_2023;ACTIVE;");
        assertThat(lines.get(2)).contains(";0,5;").contains("\"'=HYPERLINK(\"\"x\"\") congé\"");

        // who sees what
        String agent = operator.token("agent-" + caisse, List.of("CPAM_AGENT"), caisse);
        assertThat(((Map) figures("", agent).get("scope")).get("caisse")).as("an agent's own caisse by default")
                .isEqualTo(caisse);
        assertRefused("/api/v1/dashboard?caisse=751", agent, 403, "CAISSE_NOT_YOURS");
        // the agent's tables: its caisse's orders and assistants' deadlines, and only those
        Map orders = await().atMost(Duration.ofSeconds(30)).until(() -> table("orders?size=200", agent),
                                                                  t -> t.get("total").equals(ordered.size()));
        assertThat(((List<Map>) orders.get("rows")).stream().map(r -> r.get("orderId")).toList())
                .containsExactlyInAnyOrderElementsOf(ordered);
        Map deadlines = table("deadlines?size=200", agent);
        assertThat((List<Map>) deadlines.get("rows")).isNotEmpty()
                .allSatisfy(r -> assertThat(r).containsEntry("caisse", caisse).containsEntry("contractId", a));
        String otherAgent = operator.token("agent-other", List.of("CPAM_AGENT"), "T000001");
        assertThat(((List<Map>) table("deadlines?size=200", otherAgent).get("rows")).stream()
                       .map(r -> r.get("contractId")).toList()).doesNotContain(a);
        assertThat(((List<Map>) table("orders?size=200", otherAgent).get("rows")).stream()
                       .map(r -> r.get("orderId")).toList()).doesNotContainAnyElementsOf(ordered);
        assertRefused("/api/v1/dashboard/tables/contracts?caisse=751", agent, 403, "CAISSE_NOT_YOURS");
        assertRefused("/api/v1/dashboard/stream?caisse=751", agent, 403, "CAISSE_NOT_YOURS");
        assertRefused("/api/v1/dashboard", operator.token("payments", List.of("PAYMENT_SYSTEM"), null), 403,
                      "ROLE_REQUIRED");
        String manager = DemoTokens.clientCredentials("http://127.0.0.1:" + port, "national-manager");
        assertThat(((Map) figures("", manager).get("scope")).get("caisse")).as("the nation").isNull();
        assertThat(((Map) figures("?caisse=" + caisse, manager).get("totals")).get("signedTotal")).isEqualTo(3);
        assertRefused("/api/v1/contracts/" + a, manager, 403, "ROLE_REQUIRED");
        // bad input
        assertRefused("/api/v1/dashboard?caisse=ZZZ", auditor(), 400, "CAISSE_UNKNOWN");
        assertRefused("/api/v1/dashboard?departement=20", auditor(), 400, "DEPARTEMENT_INVALID");
        assertRefused("/api/v1/dashboard/tables/contracts?sort=password", auditor(), 400, "SORT_INVALID");
        assertRefused("/api/v1/dashboard/tables/contracts?size=100000", auditor(), 400, "PAGE_INVALID");
        assertRefused("/api/v1/dashboard/tables/contracts?rpps=1", auditor(), 400, "FILTER_UNKNOWN");
        assertRefused("/api/v1/dashboard/tables/contracts?status=" + "x".repeat(5000), auditor(), 400,
                      "FILTER_TOO_LONG");
        assertRefused("/api/v1/dashboard/tables/secrets", auditor(), 404, "TABLE_UNKNOWN");
        assertRefused("/api/v1/dashboard/tables/contracts?format=xlsx", auditor(), 400, "FORMAT_INVALID");
    }

    private String auditor() {
        return operator.token("auditor-test", List.of("AUDITOR"), null);
    }

    @SuppressWarnings("rawtypes")
    private Map figures(String query, String token) {
        ResponseEntity<Map> answer = get("/api/v1/dashboard" + query, token, Map.class);
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(200);
        return answer.getBody();
    }

    @SuppressWarnings("rawtypes")
    private Map table(String pathAndQuery, String token) {
        ResponseEntity<Map> answer = get("/api/v1/dashboard/tables/" + pathAndQuery, token, Map.class);
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(200);
        return answer.getBody();
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Map<String, Integer> breakdown(Map view, String name) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        for (Map row : (List<Map>) view.get(name)) {
            counts.put((String) row.get("key"), ((Number) row.get("contracts")).intValue());
        }
        return counts;
    }

    private <T> ResponseEntity<T> get(String path, String token, Class<T> type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), type);
    }

    @SuppressWarnings("rawtypes")
    private void assertRefused(String path, String token, int status, String rule) {
        ResponseEntity<Map> answer = get(path, token, Map.class);
        assertThat(answer.getStatusCode().value()).as(path + " → " + answer.getBody()).isEqualTo(status);
        assertThat(answer.getBody()).as(path).containsEntry("rule", rule);
    }

    private void ok(String path, String json) {
        @SuppressWarnings("rawtypes")
        ResponseEntity<Map> answer = JsonPost.post(http, path, json);
        assertThat(answer.getStatusCode().is2xxSuccessful()).as(path + " → " + answer.getBody()).isTrue();
    }
}
