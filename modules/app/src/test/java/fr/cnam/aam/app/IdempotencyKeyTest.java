package fr.cnam.aam.app;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
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
    TestOperatorTokens tokens;
    @Autowired
    EventStore eventStore;
    @Autowired
    MongoClient mongo;
    @Autowired
    MongoProperties mongoProperties;

    private ResponseEntity<Map> post(String path, String key, String json) {
        return post(path, key, json, null);
    }

    private ResponseEntity<Map> post(String path, String key, String json, String token) {
        HttpHeaders headers = new HttpHeaders();
        if (token != null) {
            headers.setBearerAuth(token);
        }
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

    private String assessment() {
        return """
                {"rpps":"%s","caisseCode":"751","date":"2023-05-15","specialty":"MEDECINE_GENERALE",
                 "sector":"SECTOR_1","mtPatients":1300,"fileActive":2000,"departement":"75","age":50}
                """.formatted(Signatures.newRpps());
    }

    private MongoCollection<Document> keys() {
        return mongo.getDatabase(mongoProperties.getMongoClientDatabase()).getCollection("idempotency_keys");
    }

    @Test
    void aKeyLeftRunningByACrashIsTakenOverOnceItsLeaseIsOver() {
        // an instance killed while running the request left its key RUNNING (lease 2 minutes, over a minute ago)
        String key = UUID.randomUUID().toString();
        String path = "/api/v1/eligibility/assessments";
        keys().insertOne(new Document("_id", "test-operator " + path + " " + key).append("client", "test-operator")
                .append("fingerprint", "whatever the crashed request was").append("state", "RUNNING")
                .append("leaseUntil", Date.from(Instant.now().minusSeconds(60)))
                .append("expiresAt", Date.from(Instant.now().plus(Duration.ofDays(30)))));
        ResponseEntity<Map> retry = post(path, key, assessment());
        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.CREATED); // was 409, forever
        assertThat(post(path, key, "{}").getBody()).containsEntry("rule", "IDEMPOTENCY_KEY_REUSED");

        // a key whose lease still runs is another request in progress: 409, with when to retry
        String running = UUID.randomUUID().toString();
        keys().insertOne(new Document("_id", "test-operator " + path + " " + running).append("client", "test-operator")
                .append("fingerprint", "f").append("state", "RUNNING")
                .append("leaseUntil", Date.from(Instant.now().plusSeconds(90)))
                .append("expiresAt", Date.from(Instant.now().plus(Duration.ofDays(30)))));
        ResponseEntity<Map> busy = post(path, running, assessment());
        assertThat(busy.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(busy.getBody()).containsEntry("rule", "IDEMPOTENCY_KEY_RUNNING");
        assertThat(Long.parseLong(busy.getHeaders().getFirst("Retry-After"))).isBetween(1L, 90L);
    }

    @Test
    void aKeptAnswerExpiresAfterItsRetentionAndTheKeyIsFreeAgain() {
        String key = UUID.randomUUID().toString();
        String path = "/api/v1/eligibility/assessments";
        assertThat(post(path, key, assessment()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        // 31 days later (retention 30 days): moved back in the store rather than waiting
        keys().updateOne(Filters.eq("_id", "test-operator " + path + " " + key),
                         Updates.set("expiresAt", Date.from(Instant.now().minusSeconds(1))));
        ResponseEntity<Map> reused = post(path, key, assessment());
        assertThat(reused.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(reused.getHeaders().getFirst("Idempotent-Replay")).isNull();
    }

    @Test
    void aKeyBelongsToItsClient() {
        // two systems happen to use the same key: each gets its own answer, neither sees the other's
        String key = "shared-" + UUID.randomUUID();
        String path = "/api/v1/eligibility/assessments";
        ResponseEntity<Map> first = post(path, key, assessment(), tokens.token("cpam-751", List.of("CPAM_AGENT"), "751"));
        ResponseEntity<Map> second = post(path, key, assessment(), tokens.token("cpam-751-bis", List.of("CPAM_AGENT"),
                                                                                "751"));
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CREATED); // not IDEMPOTENCY_KEY_REUSED
        assertThat(second.getHeaders().getFirst("Idempotent-Replay")).isNull();
        assertThat(second.getBody().get("assessmentId")).isNotEqualTo(first.getBody().get("assessmentId"));
    }
}
