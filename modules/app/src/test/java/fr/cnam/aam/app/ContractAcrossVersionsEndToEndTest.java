package fr.cnam.aam.app;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Over HTTP on the embedded store: signed under Avenant 7 in 2020 → switched to the 2023 rules → year-3 evaluation
 * → the 2024 amounts at the anniversary → a replay of the projection gives the same view.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ContractAcrossVersionsEndToEndTest {

    @Autowired
    TestRestTemplate http;

    private void ok(String path, String json) {
        ResponseEntity<Map> r = JsonPost.post(http, path, json);
        assertThat(r.getStatusCode().is2xxSuccessful()).as(path + " → " + r.getBody()).isTrue();
    }

    private Map<?, ?> view(String id, long version) {
        return Views.atVersion(http, "/api/v1/contracts/" + id, version);
    }

    private boolean caughtUp() {
        return Processors.caughtUp(http, "contracts");
    }

    @Test
    void aContractSignedIn2020LivesThroughTheThreeVersionsAndReplaysToTheSameView() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String id = "e2e-" + suffix;
        String rpps = Signatures.newRpps();
        // §1.1: in 2019 a GP in group practice with more than 640 MT patients is eligible
        ok("/api/v1/eligibility/assessments", """
                {"assessmentId":"e2e-%s","rpps":"%s","caisseCode":"751","date":"2020-08-15",
                 "specialty":"MEDECINE_GENERALE","sector":"SECTOR_1","mtPatients":900,"fileActive":1500,
                 "departement":"75","groupPractice":true,"coordinatedPractice":true,"age":50}
                """.formatted(suffix, rpps));
        ResponseEntity<Map> signed = JsonPost.post(http, "/api/v1/contracts", """
                {"contractId":"%s","assessmentId":"e2e-%s","rpps":"%s","caisseCode":"751",
                 "departement":"75","option":"HALF_TIME","activityBand":"P30_P50","initialMtPatients":900,
                 "initialFileActive":1500,"signedOn":"2020-09-01"}
                """.formatted(id, suffix, rpps));
        assertThat(signed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Map<?, ?> atSignature = view("Contract:" + id, 0);
        assertThat(atSignature.get("regulatoryVersion")).isEqualTo("AV7_2019");
        // §1.4: 1/2 ETP from P30–P50 → +25 % (S9): 900 → 1 125 MT patients
        assertThat(((List<Map<?, ?>>) atSignature.get("objectives")).get(0).get("target")).isEqualTo(1125);

        ok("/api/v1/contracts/" + id + "/activity",
           "{\"contractYear\":3,\"mtPatients\":1130,\"fileActive\":1900,\"recordedOn\":\"2023-05-15\"}");
        ok("/api/v1/contracts/" + id + "/version-switch",
           "{\"toVersion\":\"RA_2023\",\"requestedOn\":\"2023-06-01\",\"reason\":\"doctor's request\"}");
        ok("/api/v1/contracts/" + id + "/evaluations", "{\"contractYear\":3,\"evaluatedOn\":\"2023-09-15\"}");
        // §3.1: the 2024 amounts from the anniversary of 1 Sept 2024 (after 22 June 2024): 10 500 € → 11 000 €
        ok("/api/v1/contracts/" + id + "/revaluations", "{\"anniversaryOn\":\"2024-09-01\"}");

        Map<?, ?> before = view("Contract:" + id, 4);
        assertThat(before.get("regulatoryVersion")).isEqualTo("RA_2023");
        String history = before.get("history").toString();
        assertThat(history).contains("AV7_2019 → RA_2023", "100 % achieved, aid 1050000 → 1050000",
                                     "amounts of CONV_2024 from year 5: 1050000 → 1100000");

        await().atMost(Duration.ofSeconds(30)).until(this::caughtUp);
        assertThat(JsonPost.post(http, "/api/v1/admin/processors/contracts/replay", "").getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(Duration.ofSeconds(60)).until(this::caughtUp);
        assertThat(http.getForObject("/api/v1/contracts/" + id, Map.class)).isEqualTo(before);
    }
}
