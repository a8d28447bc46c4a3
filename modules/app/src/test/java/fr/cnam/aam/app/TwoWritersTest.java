package fr.cnam.aam.app;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import fr.cnam.aam.contracting.api.AmendContractCommand;
import fr.cnam.aam.eventstore.EmbeddedMongoServer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two application instances (two Spring contexts, each with its own command bus, processors and node id) on one
 * embedded MongoDB server reached over TCP.
 */
class TwoWritersTest {

    private static final String DB = "two_writers";
    private static final int CONTRACTS_PER_INSTANCE = 400;

    private EmbeddedMongoServer server;
    private MongoClient client;
    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

    @BeforeEach
    void startServer() {
        server = EmbeddedMongoServer.inMemory().start("127.0.0.1", 0);
        client = MongoClients.create(server.connectionString());
    }

    @AfterEach
    void stopAll() {
        contexts.forEach(ConfigurableApplicationContext::close);
        client.close();
        server.close();
    }

    private ConfigurableApplicationContext instance(String node, int maxSegments) {
        ConfigurableApplicationContext context =
                new SpringApplicationBuilder(AamApplication.class, DeliveryAudit.class)
                        .profiles("test")
                        // arguments, not builder properties: those would lose to application.yml
                        .run("--spring.data.mongodb.uri=" + server.connectionString(),
                             "--spring.data.mongodb.database=" + DB,
                             "--server.port=0",
                             "--aam.axon.node-id=" + node,
                             "--aam.axon.processor-batch-size=1",
                             "--aam.axon.token-claim-interval-millis=300",
                             "--aam.axon.max-claimed-segments=" + maxSegments);
        contexts.add(context);
        return context;
    }

    /** Every contract has its payment schedule (the last events the writers set off). */
    private boolean settled() {
        return db().getCollection("domain_events").countDocuments(new Document("type", "PaymentSchedule")
                .append("sequenceNumber", 0L)) == 2L * CONTRACTS_PER_INSTANCE;
    }

    private MongoDatabase db() {
        return client.getDatabase(DB);
    }

    private long count(String collection) {
        return db().getCollection(collection).countDocuments();
    }

    private List<Document> contractViews() {
        return db().getCollection("contract_views").find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }

    private static void writeContracts(CommandGateway gateway, String prefix) {
        for (int i = 0; i < CONTRACTS_PER_INSTANCE; i++) {
            String id = "Contract:" + prefix + "-" + i;
            Signatures.assessAndSign(gateway, id, LocalDate.of(2023, 6, 1));
            gateway.sendAndWait(new AmendContractCommand(id, "AV-" + i, "HALF_TIME", LocalDate.of(2024, 1, 1),
                                                         null));
        }
    }

    private static StreamingEventProcessor contractsProcessor(ConfigurableApplicationContext context) {
        return context.getBean(EventProcessingConfiguration.class)
                      .eventProcessor("contracts", StreamingEventProcessor.class).orElseThrow();
    }

    private static long position(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream()
                        .mapToLong(s -> s.getCurrentPosition().orElse(0L)).min().orElse(0L);
    }

    @Test
    void twoInstancesWriteConcurrentlyAndEveryEventLandsOnceThenAReplaySurvivesAnInstanceStopping()
            throws Exception {
        // each takes at most half of the 4 segments, so both instances do projection work
        ConfigurableApplicationContext a = instance("node-A", 2);
        ConfigurableApplicationContext b = instance("node-B", 2);

        ExecutorService writers = Executors.newFixedThreadPool(2);
        CompletableFuture<Void> fromA = CompletableFuture.runAsync(
                () -> writeContracts(a.getBean(CommandGateway.class), "A"), writers);
        CompletableFuture<Void> fromB = CompletableFuture.runAsync(
                () -> writeContracts(b.getBean(CommandGateway.class), "B"), writers);
        CompletableFuture.allOf(fromA, fromB).get();
        writers.shutdown();

        // per contract: its signature and its avenant (the doctor's assessment is an aggregate of its own)
        assertThat(db().getCollection("domain_events").countDocuments(new Document("type", "Contract")))
                .isEqualTo(2L * CONTRACTS_PER_INSTANCE * 2);
        // the payments module plans a schedule per signature meanwhile: wait until every event, theirs included,
        // was delivered, and delivered once
        await().atMost(Duration.ofSeconds(120)).until(() -> count("contract_views") == 2L * CONTRACTS_PER_INSTANCE
                                                            && contractViews().stream().allMatch(
                                                                    d -> d.getLong("version") == 1L)
                                                            && settled()
                                                            && count(DeliveryAudit.DELIVERIES)
                                                               == count("domain_events"));
        assertThat(count(DeliveryAudit.DUPLICATES)).isZero();
        // both instances did part of the projection work: segments were shared, not duplicated
        assertThat(db().getCollection(DeliveryAudit.DELIVERIES).distinct("node", String.class)
                       .into(new ArrayList<>())).containsExactlyInAnyOrder("node-A", "node-B");
        List<Document> before = contractViews();

        // replay the contract views from A; B lets go of its segments first (a reset needs every claim released)
        contractsProcessor(b).shutDown();
        StreamingEventProcessor onA = contractsProcessor(a);
        onA.shutDown();
        onA.resetTokens();
        onA.start();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
               .until(() -> onA.processingStatus().size() == 2 && position(onA) > 0);
        long positionAtStop = position(onA);
        a.close(); // A goes away in the middle of its replay
        assertThat(positionAtStop).isLessThan(count("domain_events"));
        assertThat(count("contract_views")).isLessThan(2L * CONTRACTS_PER_INSTANCE);

        StreamingEventProcessor onB = contractsProcessor(b);
        onB.start();
        ConfigurableApplicationContext aAgain = instance("node-A", 2);
        await().atMost(Duration.ofSeconds(120)).until(() -> contractViews().equals(before));
        assertThat(count(DeliveryAudit.DUPLICATES)).isZero();
        assertThat(aAgain.isActive()).isTrue();
    }
}
