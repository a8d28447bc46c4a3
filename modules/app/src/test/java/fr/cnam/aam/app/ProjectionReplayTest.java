package fr.cnam.aam.app;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Sorts;
import fr.cnam.aam.contracting.api.AmendContractCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ProjectionReplayTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    CommandGateway commands;
    @Autowired
    MongoClient mongo;
    @Autowired
    MongoProperties mongoProperties;

    private List<Document> contractViews() {
        return mongo.getDatabase(mongoProperties.getMongoClientDatabase()).getCollection("contract_views")
                    .find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }

    private Map<?, ?> status() {
        return http.getForObject("/api/v1/admin/processors/contracts", Map.class);
    }

    private boolean caughtUpWithTheStore() {
        return Processors.caughtUp(http, "contracts");
    }

    @Test
    void rebuildingTheContractProjectionGivesTheSameDocuments() {
        int contracts = 300;
        for (int i = 0; i < contracts; i++) {
            String id = "Contract:replay-" + i;
            Signatures.assessAndSign(commands, id, LocalDate.of(2023, 6, 1).plusDays(i % 90));
            if (i % 3 == 0) {
                commands.sendAndWait(new AmendContractCommand(id, "AV-" + i, "HALF_TIME",
                                                              LocalDate.of(2024, 1, 1), "review " + i));
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(this::caughtUpWithTheStore);
        List<Document> before = contractViews();
        assertThat(before).hasSizeGreaterThanOrEqualTo(contracts);

        // damage the projection so that only a real rebuild from the events can restore it
        var views = mongo.getDatabase(mongoProperties.getMongoClientDatabase()).getCollection("contract_views");
        views.deleteOne(new Document("_id", "Contract:replay-7"));
        views.updateOne(new Document("_id", "Contract:replay-9"),
                        new Document("$set", new Document("option", "TWO_FULL_TIME")));
        assertThat(contractViews()).isNotEqualTo(before);

        ResponseEntity<Map> replay = http.postForEntity("/api/v1/admin/processors/contracts/replay", null, Map.class);
        assertThat(replay.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

        await().atMost(Duration.ofSeconds(60)).until(this::caughtUpWithTheStore);
        Map<?, ?> done = status();
        assertThat(done.get("replayStartedAt")).isNotNull();
        assertThat(done.get("replayFinishedAt")).isNotNull();
        assertThat(((Number) done.get("progress")).doubleValue()).isEqualTo(1.0);
        assertThat(contractViews()).isEqualTo(before);
    }

    @Test
    void anUnknownProcessorIsA404() {
        assertThat(http.postForEntity("/api/v1/admin/processors/nope/replay", null, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }
}
