package fr.cnam.aam.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.context.ActiveProfiles;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo generator (README, "Demo data") on a small cohort: every request it sends is accepted by the rules, the
 * history spans the three versions with payments, evaluations and suspensions, and a run resumed from an earlier
 * month sends the same requests again without changing anything (their idempotency keys replay the answers).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {"aam.demo.generate.doctors=24", "aam.demo.generate.seed=7"})
@ActiveProfiles("test")
class DemoHistoryGeneratorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    DemoHistoryGenerator generator;
    @Autowired
    EventStore store;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    com.nimbusds.jose.jwk.source.JWKSource<com.nimbusds.jose.proc.SecurityContext> keys;
    @LocalServerPort
    int port;

    private JsonNode dashboard() throws Exception {
        String token = new NimbusJwtEncoder(keys).encode(JwtEncoderParameters.from(JwtClaimsSet.builder()
                .subject("test").issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(600))
                .claim("roles", List.of("AUDITOR")).build())).getTokenValue();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/dashboard")).header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(answer.body());
    }

    @Test
    void aSmallCohortLivesItsContractsThroughTheApiAndAResumedRunChangesNothing() throws Exception {
        await().atMost(Duration.ofMinutes(8)).until(generator::finished);
        assertThat(generator.refusals()).as("every request of the demo history is one the rules accept").isEmpty();

        // 24 doctors and one group of GPs (one for every 15 doctors), signed since the collective aid began
        JsonNode view = await().atMost(Duration.ofSeconds(30)).until(this::dashboard,
                v -> v.path("totals").path("signedTotal").asInt() == 25);
        JsonNode totals = view.get("totals");
        Set<String> versions = new HashSet<>();
        view.get("contracts").forEach(month -> month.get("byVersion").fieldNames().forEachRemaining(versions::add));
        assertThat(versions).containsExactlyInAnyOrder("AV7_2019", "RA_2023", "CONV_2024", "COLLECTIVE_2026");
        assertThat(totals.get("paidCents").asLong()).isPositive();
        assertThat(totals.get("evaluations").asLong()).isPositive();
        assertThat(view.get("byCaisse").size()).isGreaterThan(3);

        // resume from January 2024, as after a kill in that month: every request is replayed, nothing is new
        long head = store.createHeadToken().position().orElse(0L);
        mongo.save(new Document("_id", "seed-7-doctors-24").append("nextMonth", "2024-01").append("doctors", 24)
                           .append("seed", 7L), "demo_generator");
        generator.run();
        assertThat(generator.refusals()).isEmpty();
        assertThat(store.createHeadToken().position().orElse(0L)).as("no event from a resumed run")
                                                                 .isEqualTo(head);
    }
}
