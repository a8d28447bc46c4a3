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

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EligibilityAssessmentApiTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void anAssessmentIsRecordedWithItsDecisionAndCanBeShownLater() {
        String id = "e-" + UUID.randomUUID();
        // worked example 4: a cardiologist from 1 480 file-active patients in 2019
        ResponseEntity<Map> created = JsonPost.post(http, "/api/v1/eligibility/assessments", """
                {"assessmentId":"%s","rpps":"10000000009","caisseCode":"751","date":"2020-01-15",
                 "specialty":"CARDIOLOGIE","sector":"SECTOR_1","fileActive":1500,"departement":"75",
                 "groupPractice":true,"coordinatedPractice":true,"age":50,"inputsSource":"CAISSE_STATISTICS"}
                """.formatted(id));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody()).containsEntry("status", "ELIGIBLE")
                                     .containsEntry("regulatoryVersion", "AV7_2019")
                                     .containsEntry("assessmentId", "Assessment:" + id)
                                     .containsEntry("inputsSource", "CAISSE_STATISTICS");
        assertThat((List<?>) created.getBody().get("reasons")).isNotEmpty();

        Map<?, ?> shown = await().atMost(Duration.ofSeconds(10)).until(
                () -> http.getForEntity("/api/v1/eligibility/assessments/" + id, Map.class),
                r -> r.getStatusCode().is2xxSuccessful()).getBody();
        assertThat(shown).isEqualTo(created.getBody());
    }

    @Test
    void badInputIsA400AndAnUnknownAssessmentA404() {
        ResponseEntity<Map> bad = JsonPost.post(http, "/api/v1/eligibility/assessments",
                "{\"rpps\":\"123\",\"caisseCode\":\"751\",\"date\":\"2020-01-15\",\"specialty\":\"CARDIOLOGIE\","
                + "\"sector\":\"SECTOR_1\"}");
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody().get("detail").toString()).contains("rpps");
        assertThat(http.getForEntity("/api/v1/eligibility/assessments/none", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }
}
