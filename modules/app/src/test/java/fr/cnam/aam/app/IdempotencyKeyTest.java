package fr.cnam.aam.app;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A retried request with the same Idempotency-Key never creates twice. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IdempotencyKeyTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    EventStore eventStore;

    private ResponseEntity<Map> post(String path, String key, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Idempotency-Key", key);
        return http.postForEntity(path, new HttpEntity<>(json, headers), Map.class);
    }

    @Test
    void aRetryGetsTheSameAnswerAndRecordsNothingTwice() {
        String key = UUID.randomUUID().toString();
        String body = """
                {"rpps":"%s","caisseCode":"751","date":"2023-05-15","specialty":"MEDECINE_GENERALE",
                 "sector":"SECTOR_1","mtPatients":1300,"fileActive":2000,"departement":"75","age":50}
                """.formatted(Signatures.newRpps());
        // no assessmentId: without the key, a retry would record a second assessment under a new identifier
        ResponseEntity<Map> first = post("/api/v1/eligibility/assessments", key, body);
        ResponseEntity<Map> retry = post("/api/v1/eligibility/assessments", key, body);
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retry.getHeaders().getFirst("Idempotent-Replay")).isEqualTo("true");
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(retry.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
        String id = (String) first.getBody().get("assessmentId");
        assertThat(eventStore.readEvents(id).asStream()).hasSize(1);

        ResponseEntity<Map> otherBody = post("/api/v1/eligibility/assessments", key,
                                             body.replace("1300", "1400"));
        assertThat(otherBody.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(otherBody.getBody()).containsEntry("rule", "IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void aRefusedRequestIsKeptAsRefused() {
        String key = UUID.randomUUID().toString();
        String invalid = "{\"rpps\":\"123\",\"caisseCode\":\"751\",\"date\":\"2023-05-15\","
                         + "\"specialty\":\"MEDECINE_GENERALE\",\"sector\":\"SECTOR_1\"}";
        assertThat(post("/api/v1/eligibility/assessments", key, invalid).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(post("/api/v1/eligibility/assessments", key, invalid).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }
}
