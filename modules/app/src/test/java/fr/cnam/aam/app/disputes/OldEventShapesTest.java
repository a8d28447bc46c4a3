package fr.cnam.aam.app.disputes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import fr.cnam.aam.employment.api.SecretaryPostReplaced;
import fr.cnam.aam.eventstore.MongoGlobalSequenceEventStorageEngine;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event recorded in an earlier shape (a fixture of its stored document, revision 1) still reads, upcast to
 * today's shape, through the real store and the app's upcaster chain — and a dispute sees it with its date.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OldEventShapesTest {

    @Autowired
    MongoClient mongo;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer serializer;
    @Autowired
    org.axonframework.config.Configuration axon;

    @Test
    void aRevisionOneSecretaryPostReplacedReadsWithItsDateRenamed() throws Exception {
        Map<String, Object> fixture;
        try (InputStream in = getClass().getResourceAsStream("/events/secretary-post-replaced.rev1.json")) {
            fixture = new ObjectMapper().readValue(in, Map.class);
        }
        // a store of its own, holding only the old document, read by an engine set up as the app's
        String database = "old-shapes-" + UUID.randomUUID();
        MongoDatabase db = mongo.getDatabase(database);
        Document stored = new Document();
        fixture.forEach((key, value) -> {
            if (!key.startsWith("_comment")) {
                stored.append(key, key.equals("timestamp") ? Date.from(Instant.parse((String) value))
                                   : key.equals("_id") || key.equals("sequenceNumber")
                                     ? Long.valueOf(((Number) value).longValue()) : value);
            }
        });
        db.getCollection("events").insertOne(stored);
        db.getCollection("sequence").insertOne(new Document("_id", "global").append("value", 1L));
        MongoGlobalSequenceEventStorageEngine engine = MongoGlobalSequenceEventStorageEngine.builder()
                .client(mongo).databaseName(database).collections("events", "snapshots", "sequence")
                .eventSerializer(serializer).snapshotSerializer(serializer).upcasterChain(axon.upcasterChain())
                .build();

        List<? extends DomainEventMessage<?>> read = engine.readEvents("Assistant:old-shape-1").asStream().toList();
        assertThat(read).hasSize(1);
        SecretaryPostReplaced event = (SecretaryPostReplaced) read.get(0).getPayload();
        assertThat(event.replacedOn()).isEqualTo(LocalDate.of(2021, 4, 1));
        assertThat(event.how()).isEqualTo("NEW_SECRETARY");
        assertThat(read.get(0).getMetaData()).containsEntry("principal", "cpam-751");
        // a dispute dates it from the field it now has
        assertThat(EffectiveDates.of(event)).isEqualTo(LocalDate.of(2021, 4, 1));
        mongo.getDatabase(database).drop();
    }
}
