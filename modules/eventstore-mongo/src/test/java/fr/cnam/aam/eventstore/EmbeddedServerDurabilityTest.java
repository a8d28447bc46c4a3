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
 * The embedded file store answers a write only once it is in the file: a crash right after the answers loses none
 * of them. Concurrent writers share file commits (group commit).
 */
class EmbeddedServerDurabilityTest {

    @TempDir
    Path directory;

    @Test
    void everyAnsweredWriteSurvivesACrashAndConcurrentWritersShareCommits() throws Exception {
        EmbeddedMongoServer server = EmbeddedMongoServer.persistent(directory, Durability.SYNC, 0)
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
            long commits = server.fileCommits();
            assertThat(commits).isPositive().isLessThan(writers * each + 1L);
            server.crash(); // no clean close: nothing pending is written
        }

        EmbeddedMongoServer reopened = EmbeddedMongoServer.persistent(directory, Durability.SYNC, 0)
                                                          .start("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create(reopened.connectionString())) {
            assertThat(client.getDatabase("aam").getCollection("answered").countDocuments())
                    .isEqualTo(writers * each + 1L);
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
