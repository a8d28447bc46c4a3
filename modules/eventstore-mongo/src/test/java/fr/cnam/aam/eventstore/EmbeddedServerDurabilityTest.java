package fr.cnam.aam.eventstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded file store answers a write only once its journal is on the disk: a crash right after the answers
 * loses none of them, the file's last checkpoint plus the journal bring them all back. Concurrent writers share
 * journal forces (group commit).
 */
class EmbeddedServerDurabilityTest {

    @TempDir
    Path directory;

    /** No checkpoint but the one at start: everything written is in the journal only when the crash comes. */
    private static final long NO_CHECKPOINT = 3_600_000;

    @Test
    void everyAnsweredWriteSurvivesACrashAndConcurrentWritersShareForces() throws Exception {
        EmbeddedMongoServer server = EmbeddedMongoServer.persistent(directory, Durability.SYNC, 0, NO_CHECKPOINT)
                                                        .start("127.0.0.1", 0);
        int writers = 8;
        int each = 50;
        try (MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> answered = client.getDatabase("aam").getCollection("answered");
            answered.insertOne(new Document("_id", "first"));
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        answered.insertOne(new Document("_id", writer + "-" + i));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
            long forces = server.journalForces();
            assertThat(forces).isPositive().isLessThan(writers * each + 1L);
            answered.updateOne(new Document("_id", "first"), new Document("$inc", new Document("n", 5)));
            answered.updateOne(new Document("_id", "first"), new Document("$inc", new Document("n", 2)));
            server.crash(); // no clean close: nothing pending is written
        }
        // the crash also cut a record in the middle (its writer was never answered)
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(directory)) {
            Path journal = files.filter(p -> p.getFileName().toString().startsWith("journal-")).sorted()
                                .reduce((a, b) -> b).orElseThrow();
            java.nio.file.Files.write(journal, new byte[] {0, 0, 1, 0, 42, 42, 42},
                                      java.nio.file.StandardOpenOption.APPEND);
        }

        EmbeddedMongoServer reopened = EmbeddedMongoServer.persistent(directory, Durability.SYNC, 0)
                                                          .start("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create(reopened.connectionString())) {
            MongoCollection<Document> answered = client.getDatabase("aam").getCollection("answered");
            assertThat(answered.countDocuments()).isEqualTo(writers * each + 1L);
            assertThat(answered.find(new Document("_id", "first")).first().getInteger("n")).isEqualTo(7);
        } finally {
            reopened.close();
        }
    }

    @Test
    void aFailedMultiDocumentInsertLeavesNothingAndSaysNothingWasInserted() {
        EmbeddedMongoServer server = EmbeddedMongoServer.inMemory().start("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> c = client.getDatabase("aam").getCollection("c");
            c.insertOne(new Document("_id", 3));
            try {
                c.insertMany(List.of(new Document("_id", 1), new Document("_id", 2), new Document("_id", 3),
                                     new Document("_id", 4)));
            } catch (com.mongodb.MongoBulkWriteException e) {
                assertThat(e.getWriteErrors().get(0).getIndex()).isEqualTo(2);
                assertThat(e.getWriteResult().getInsertedCount()).isZero();
            }
            assertThat(c.countDocuments()).isEqualTo(1);
        } finally {
            server.close();
        }
    }
}
