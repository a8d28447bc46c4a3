package fr.cnam.aam.app;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ContractApiTest {


    @Autowired
    TestRestTemplate http;
    @Autowired
    EventStore eventStore;

    private ResponseEntity<Map> post(String path, String json) {
        return JsonPost.post(http, path, json);
    }

    @Autowired
    org.axonframework.commandhandling.gateway.CommandGateway commands;

    private String assessment;
    private String doctor;

    /** Each test signs for a doctor of its own: a doctor holds one active contract at a time. */
    @org.junit.jupiter.api.BeforeEach
    void assess() {
        doctor = Signatures.newRpps();
        assessment = Signatures.assess(commands, "Assessment:api-" + UUID.randomUUID(), doctor);
    }

    private String signJson(String id, String rpps, String option, String signedOn) {
        return """
               {"contractId":"%s","assessmentId":"%s","rpps":"%s","caisseCode":"751","departement":"75",
                "option":"%s","activityBand":"P70_P90","initialMtPatients":1300,"initialFileActive":2000,
                "signedOn":"%s"}
               """.formatted(id, assessment, rpps, option, signedOn);
    }

    private Map<?, ?> awaitView(String contractId, long version) {
        return Views.atVersion(http, "/api/v1/contracts/" + contractId, version);
    }

    @Test
    void signAmendAndReadAContractOverHttp() {
        String id = "c-" + UUID.randomUUID();
        ResponseEntity<Map> signed = post("/api/v1/contracts", signJson(id, doctor, "FULL_TIME", "2023-06-01"));
        assertThat(signed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(signed.getBody()).containsEntry("contractId", "Contract:" + id);
        assertThat(signed.getHeaders().getLocation()).hasToString("/api/v1/contracts/Contract:" + id);

        ResponseEntity<Map> amended = post("/api/v1/contracts/" + id + "/avenants",
                """
                {"avenantReference":"AV-2024-001","option":"HALF_TIME","effectiveOn":"2024-01-01","reason":"part time"}
                """);
        assertThat(amended.getStatusCode()).isEqualTo(HttpStatus.OK);

        Map<?, ?> view = awaitView("Contract:" + id, 1);
        assertThat(view.get("option")).isEqualTo("HALF_TIME");
        assertThat(view.get("rpps")).isEqualTo(doctor);
        assertThat(view.get("signedOn")).isEqualTo("2023-06-01");
        assertThat(view.get("regulatoryVersion")).isEqualTo("RA_2023");
        assertThat(view.get("endsOn")).isEqualTo("2028-05-31");
        assertThat((List<?>) view.get("avenants")).hasSize(1);
        assertThat(((Map<?, ?>) ((List<?>) view.get("avenants")).get(0)).get("previousOption")).isEqualTo("FULL_TIME");
    }

    @Test
    void theApiIsDescribedInOpenApi() {
        String spec = http.getForObject("/v3/api-docs", String.class);
        assertThat(spec).contains("\"/api/v1/contracts\"", "\"/api/v1/contracts/{contractId}\"",
                                  "\"/api/v1/contracts/{contractId}/avenants\"",
                                  "\"/api/v1/admin/processors/{name}/replay\"",
                                  "\"/api/v1/payments/contracts/{contractId}\"", "\"/api/v1/payments/ledger\"",
                                  "\"/api/v1/payments/overdue\"", "\"/api/v1/payments/order-runs\"",
                                  "\"/api/v1/payments/orders/{orderId}/answer\"");
    }

    @Test
    void healthIsUpOnTheEmbeddedStore() {
        Map<?, ?> health = http.getForObject("/actuator/health", Map.class);
        assertThat(health.get("status")).isEqualTo("UP");
    }

    @Test
    void badInputIsA400NamingTheField() {
        ResponseEntity<Map> badDate = post("/api/v1/contracts", signJson("x1", doctor, "FULL_TIME", "2023-02-30"));
        assertThat(badDate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badDate.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(badDate.getBody().get("detail").toString()).contains("signedOn");

        ResponseEntity<Map> missing = post("/api/v1/contracts",
                "{\"assessmentId\":\"" + assessment + "\",\"rpps\":\"" + doctor + "\",\"departement\":\"75\","
                + "\"option\":\"FULL_TIME\",\"activityBand\":\"P70_P90\",\"signedOn\":\"2023-06-01\"}");
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(missing.getBody().get("detail").toString()).contains("caisseCode");

        ResponseEntity<Map> notJson = post("/api/v1/contracts", "{oops");
        assertThat(notJson.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aBrokenRuleIsA422NamingTheRuleAndWritesNothing() {
        String id = "r-" + UUID.randomUUID();
        ResponseEntity<Map> response = post("/api/v1/contracts", signJson(id, "10000000008", "FULL_TIME", "2023-06-01"));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(response.getBody()).containsEntry("rule", "RPPS_INVALID");
        assertThat(eventStore.readEvents("Contract:" + id).asStream()).isEmpty();
    }

    @Test
    void signingWithoutAnEligibleAssessmentOrWithAClosedOptionIsA422() {
        // §2.1: no 1/3 ETP from 1 May 2023
        ResponseEntity<Map> oneThird = post("/api/v1/contracts",
                signJson("t-" + UUID.randomUUID(), doctor, "ONE_THIRD_TIME", "2023-06-01"));
        assertThat(oneThird.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(oneThird.getBody()).containsEntry("rule", "OPTION_NOT_OPEN");
        String unknown = signJson("u-" + UUID.randomUUID(), doctor, "FULL_TIME", "2023-06-01")
                .replace(assessment, "Assessment:none");
        assertThat(post("/api/v1/contracts", unknown).getBody()).containsEntry("rule", "ASSESSMENT_NOT_FOUND");
    }

    @Test
    void aSecondActiveContractForTheSameDoctorIsA422() {
        assertThat(post("/api/v1/contracts", signJson("first-" + UUID.randomUUID(), doctor, "FULL_TIME",
                                                      "2023-06-01")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<Map> second = post("/api/v1/contracts",
                signJson("second-" + UUID.randomUUID(), doctor, "HALF_TIME", "2023-06-01"));
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(second.getBody()).containsEntry("rule", "SECOND_ACTIVE_CONTRACT");
    }

    @Test
    void signingTheSameIdentifierTwiceIsA409AndAnUnknownContractA404() {
        String id = "d-" + UUID.randomUUID();
        assertThat(post("/api/v1/contracts", signJson(id, doctor, "FULL_TIME", "2023-06-01")).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(post("/api/v1/contracts", signJson(id, doctor, "HALF_TIME", "2023-06-01")).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(post("/api/v1/contracts/nope-" + id + "/avenants",
                        "{\"avenantReference\":\"A\",\"option\":\"HALF_TIME\",\"effectiveOn\":\"2024-01-01\"}")
                           .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForEntity("/api/v1/contracts/nope-" + id, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }
}
