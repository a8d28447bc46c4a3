package fr.cnam.aam.app;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A caisse corrects a value: decisions from then on use the new revision; the earlier one still answers as before. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext
class RulebookRevisionTest {

    private static final String GP_2024 = """
            {"date":"2024-09-01","specialty":"MEDECINE_GENERALE","sector":"SECTOR_1","mtPatients":780,
             "departement":"75","groupPractice":true,"coordinatedPractice":true%s}
            """;

    @Autowired
    TestRestTemplate http;

    private ResponseEntity<Map> post(String path, String json) {
        return JsonPost.post(http, path, json);
    }

    private static String correction(String revision, String parameter, String source) {
        return """
               {"revision":"%s","reason":"circular of the caisse","values":[{"parameter":"%s",
                "version":"CONV_2024","from":"2024-06-22","value":800,"source":"%s","confidence":"confirmed"}]}
               """.formatted(revision, parameter, source);
    }

    @Test
    void aPublishedRevisionDecidesFromNowOnAndTheShippedOneStillAnswers() {
        // the shipped revision comes first; other tests of this class may have published since
        String shipped = (String) ((List<?>) http.getForObject("/api/v1/rulebook", Map.class).get("revisions")).get(0);
        // shipped: 775 MT patients in 2024 (carried over from 2023, unverified): 780 is enough
        ResponseEntity<Map> before = post("/api/v1/simulations/eligibility",
                                          GP_2024.formatted(",\"rulebookRevision\":\"" + shipped + "\""));
        assertThat(before.getBody()).containsEntry("status", "ELIGIBLE").containsEntry("rulebookRevision", shipped);

        ResponseEntity<Map> published = post("/api/v1/rulebook/revisions",
                correction("caisse-2025-01", "threshold.mtPatients.MEDECINE_GENERALE", "Circulaire CNAM 2025-01"));
        assertThat(published.getStatusCode()).isEqualTo(HttpStatus.CREATED);

        ResponseEntity<Map> after = post("/api/v1/simulations/eligibility", GP_2024.formatted(""));
        assertThat(after.getBody()).containsEntry("status", "NOT_ELIGIBLE")
                                   .containsEntry("rulebookRevision", "caisse-2025-01");
        Map<?, ?> threshold = ((List<Map<?, ?>>) after.getBody().get("reasons")).stream()
                .filter(m -> "threshold.mtPatients.MEDECINE_GENERALE".equals(m.get("parameter"))).findFirst()
                .orElseThrow();
        assertThat(threshold.get("source")).isEqualTo("Circulaire CNAM 2025-01");
        assertThat(threshold.get("confidence")).isEqualTo("confirmed");

        // the revision that decided earlier still gives the earlier answer
        ResponseEntity<Map> replayed = post("/api/v1/simulations/eligibility",
                                            GP_2024.formatted(",\"rulebookRevision\":\"" + shipped + "\""));
        assertThat(replayed.getBody()).containsEntry("status", "ELIGIBLE");
        // and values of other versions were not touched: 2023 still needs 775
        assertThat(http.getForObject("/api/v1/rulebook/parameters/threshold.mtPatients.MEDECINE_GENERALE",
                                     Map.class).get("values").toString()).contains("RA_2023").contains("775");
    }

    @Test
    void revisionsFormAChainOnTheCurrentOne() {
        // issue 11: a revision based on an older one became current and dropped the corrections in between
        String before = (String) http.getForObject("/api/v1/rulebook", Map.class).get("currentRevision");
        assertThat(post("/api/v1/rulebook/revisions",
                        correction("chain-1", "threshold.mtPatients.MEDECINE_GENERALE", "Circulaire A"))
                           .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<Map> onTheOlder = post("/api/v1/rulebook/revisions", """
                {"revision":"chain-2","basedOn":"%s","reason":"r","values":[{"parameter":
                 "threshold.mtPatients.MEDECINE_GENERALE","version":"CONV_2024","from":"2024-06-22","value":790,
                 "source":"Circulaire B","confidence":"confirmed"}]}
                """.formatted(before));
        assertThat(onTheOlder.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(onTheOlder.getBody()).containsEntry("rule", "REVISION_NOT_ON_CURRENT");
        assertThat(http.getForObject("/api/v1/rulebook", Map.class).get("currentRevision")).isEqualTo("chain-1");
    }

    @Test
    void aBadRevisionIsRefusedAndWritesNothing() {
        assertThat(post("/api/v1/rulebook/revisions", correction("bad-1", "no.such.parameter", "x"))
                           .getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(post("/api/v1/rulebook/revisions", correction("bad-2", "threshold.mtPatients.MEDECINE_GENERALE", ""))
                           .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<Object>) http.getForObject("/api/v1/rulebook", Map.class).get("revisions"))
                .doesNotContain("bad-1", "bad-2");
        post("/api/v1/rulebook/revisions", correction("twice", "threshold.mtPatients.MEDECINE_GENERALE", "S"));
        ResponseEntity<Map> again = post("/api/v1/rulebook/revisions",
                                         correction("twice", "threshold.mtPatients.MEDECINE_GENERALE", "S"));
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(again.getBody()).containsEntry("rule", "REVISION_EXISTS");
    }
}
