package fr.cnam.aam.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.cnam.aam.eventstore.MongoGlobalSequenceEventStorageEngine;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A downstream system reads the feed page by page while contracts are being signed: it gets every published event
 * once, in order, as CloudEvents, and no internal event; an agent's feed is its caisse's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FeedTest {

    private static final int CONTRACTS = 8;
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commands;
    @Autowired
    MongoGlobalSequenceEventStorageEngine store;

    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<String> get(String pathAndQuery, String token) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                                      .header("Authorization", "Bearer " + token).GET()
                                      .timeout(Duration.ofSeconds(40)).build(),
                           HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aConsumerReadingInPagesWhileWritesGoOnGetsEveryPublishedEventOnceInOrder() throws Exception {
        String caisse = "T" + (100_000 + ThreadLocalRandom.current().nextInt(900_000));
        String auditor = DemoTokens.clientCredentials("http://127.0.0.1:" + port, "auditor");
        long start = store.highestAllocatedIndex();
        List<String> signed = new ArrayList<>();
        for (int i = 0; i < CONTRACTS; i++) {
            signed.add("Contract:feed-" + caisse + "-" + i);
        }
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            for (String contract : signed) {
                Signatures.assessAndSign(commands, contract, caisse, "FULL_TIME", LocalDate.of(2023, 6, 1));
            }
        });

        List<JsonNode> seen = new ArrayList<>();
        long cursor = start;
        long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (seen.stream().filter(e -> e.get("type").asText().endsWith("contract.signed.v1")).count() < CONTRACTS
               && System.nanoTime() < until) {
            HttpResponse<String> page = get("/api/v1/feed?after=" + cursor + "&limit=3&wait=2&caisse=" + caisse,
                                            auditor);
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            JsonNode body = JSON.readTree(page.body());
            body.get("events").forEach(seen::add);
            assertThat(body.get("events").size()).isLessThanOrEqualTo(3);
            long next = body.get("next").asLong();
            assertThat(next).isGreaterThanOrEqualTo(cursor);
            cursor = next;
        }
        writer.get();

        List<Long> positions = seen.stream().map(e -> e.get("position").asLong()).toList();
        assertThat(positions).isSorted().doesNotHaveDuplicates();
        Set<String> ids = new HashSet<>();
        seen.forEach(e -> assertThat(ids.add(e.get("id").asText())).as("once: " + e).isTrue());
        assertThat(seen.stream().filter(e -> e.get("type").asText().equals("fr.cnam.aam.contract.signed.v1"))
                       .map(e -> e.get("subject").asText()).toList()).containsExactlyElementsOf(signed);
        for (JsonNode event : seen) {
            assertThat(event.get("specversion").asText()).isEqualTo("1.0");
            assertThat(event.get("source").asText()).startsWith("urn:fr.cnam.aam:");
            assertThat(event.get("dataschema").asText()).isEqualTo("urn:fr.cnam.aam:schema:"
                                                                   + event.get("type").asText());
            assertThat(event.get("time").asText()).isNotBlank();
            assertThat(event.get("caisse").asText()).isEqualTo(caisse);
            // internal events (the assessment, the payment lines a policy plans) are not published
            assertThat(event.get("type").asText()).matches("fr\\.cnam\\.aam\\.(contract|assistant|payment)\\..*\\.v1");
        }
        JsonNode first = seen.get(0);
        assertThat(first.get("data").get("caisseCode").asText()).isEqualTo(caisse);
        assertThat(first.get("data").get("signedOn").asText()).isEqualTo("2023-06-01");

        // nothing more: a long poll answers empty once its wait is over, with the same position to ask again
        JsonNode empty = JSON.readTree(get("/api/v1/feed?after=" + cursor + "&wait=1&caisse=" + caisse, auditor)
                                               .body());
        assertThat(empty.get("events")).isEmpty();
        assertThat(empty.get("next").asLong()).isGreaterThanOrEqualTo(cursor);
    }

    @Test
    void anAgentsFeedIsItsCaisses() throws Exception {
        String agent = DemoTokens.clientCredentials("http://127.0.0.1:" + port, "cpam-751");
        long start = Math.max(0, store.highestAllocatedIndex() - 2_000);
        Signatures.assessAndSign(commands, "Contract:feed-751-" + System.nanoTime(), "751", "FULL_TIME",
                                 LocalDate.of(2023, 6, 1));
        JsonNode page = JSON.readTree(get("/api/v1/feed?after=" + start + "&limit=1000", agent).body());
        assertThat(page.get("events")).isNotEmpty();
        page.get("events").forEach(e -> assertThat(e.get("caisse").asText()).isEqualTo("751"));
        HttpResponse<String> other = get("/api/v1/feed?caisse=131", agent);
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.body()).contains("CAISSE_NOT_YOURS");
        assertThat(get("/api/v1/feed?limit=0", agent).statusCode()).isEqualTo(400);
    }
}
