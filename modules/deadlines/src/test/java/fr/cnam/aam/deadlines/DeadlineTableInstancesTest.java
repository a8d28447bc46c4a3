package fr.cnam.aam.deadlines;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import fr.cnam.aam.eventstore.EmbeddedMongoServer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several instances share one deadline table on a real wire-protocol server (the embedded one): an instance that
 * starts while another is firing takes nothing the other holds, and a deadline whose holder died is taken again
 * once its lease has run out — each deadline has one effect.
 */
class DeadlineTableInstancesTest {

    private static EmbeddedMongoServer server;
    private static MongoClient client;
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    @BeforeAll
    static void start() {
        server = EmbeddedMongoServer.inMemory().start("127.0.0.1", 0);
        client = MongoClients.create(server.connectionString());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    private static MongoTemplate mongo() {
        return new MongoTemplate(client, "deadlines_" + UUID.randomUUID().toString().substring(0, 8));
    }

    private static DeadlineTable instance(MongoTemplate mongo, String name, Clock wallClock) {
        return new DeadlineTable(mongo, "contract_deadlines", "contractId", wallClock, Duration.ofMinutes(5), name);
    }

    @Test
    void anInstanceStartingWhileAnotherFiresTakesNothingItHolds() throws Exception {
        MongoTemplate mongo = mongo();
        DeadlineTable first = instance(mongo, "first", Clock.systemUTC());
        for (int i = 0; i < 30; i++) {
            first.plan("Contract:c" + i, "ANNIVERSARY", TODAY.minusDays(i % 3));
        }
        Map<String, AtomicInteger> fired = new ConcurrentHashMap<>();
        CountDownLatch firstIsFiring = new CountDownLatch(1);
        CountDownLatch secondHasRun = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<Integer> byFirst = pool.submit(() -> first.fireDue(TODAY, deadline -> {
            fired.computeIfAbsent(deadline.getString("_id"), k -> new AtomicInteger()).incrementAndGet();
            if (firstIsFiring.getCount() > 0) {
                firstIsFiring.countDown();
                await(secondHasRun); // the first instance is slow on its first deadline
            }
            return "FIRED";
        }));
        assertThat(firstIsFiring.await(10, TimeUnit.SECONDS)).isTrue();
        // a second instance starts now and fires what is due
        DeadlineTable second = instance(mongo, "second", Clock.systemUTC());
        int bySecond = second.fireDue(TODAY, deadline -> {
            fired.computeIfAbsent(deadline.getString("_id"), k -> new AtomicInteger()).incrementAndGet();
            return "FIRED";
        });
        secondHasRun.countDown();
        int total = byFirst.get(10, TimeUnit.SECONDS) + bySecond;
        pool.shutdown();

        assertThat(total).isEqualTo(30);
        assertThat(fired).hasSize(30);
        assertThat(fired.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
        assertThat(mongo.getCollection("contract_deadlines").countDocuments(new Document("status", "DONE")))
                .isEqualTo(30);
    }

    @Test
    void aDeadlineWhoseHolderDiedIsTakenAgainOnlyOnceItsLeaseRunsOut() {
        MongoTemplate mongo = mongo();
        Instant t0 = Instant.parse("2026-06-01T08:00:00Z");
        DeadlineTable dead = instance(mongo, "dead", Clock.fixed(t0, ZoneOffset.UTC));
        dead.plan("Contract:x", "TERM", TODAY);
        assertThat(dead.claim("Contract:x#TERM#" + TODAY)).isTrue(); // then the process dies before finishing

        AtomicInteger fired = new AtomicInteger();
        DeadlineTable soon = instance(mongo, "soon", Clock.fixed(t0.plusSeconds(60), ZoneOffset.UTC));
        assertThat(soon.fireDue(TODAY, d -> "FIRED " + fired.incrementAndGet())).isZero();
        DeadlineTable later = instance(mongo, "later", Clock.fixed(t0.plus(Duration.ofMinutes(6)), ZoneOffset.UTC));
        assertThat(later.fireDue(TODAY, d -> "FIRED " + fired.incrementAndGet())).isEqualTo(1);
        assertThat(later.fireDue(TODAY, d -> "FIRED " + fired.incrementAndGet())).isZero();

        assertThat(fired).hasValue(1);
        Document stored = later.of("Contract:x").get(0);
        assertThat(stored.getString("status")).isEqualTo("DONE");
        assertThat(stored.getString("heldBy")).isEqualTo("later");
        // the dead holder, were it to come back, cannot close what is no longer its own
        dead.releaseOne("Contract:x#TERM#" + TODAY);
        assertThat(later.of("Contract:x").get(0).getString("status")).isEqualTo("DONE");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
