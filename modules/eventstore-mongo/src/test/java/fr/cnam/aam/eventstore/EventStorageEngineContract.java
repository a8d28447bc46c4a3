package fr.cnam.aam.eventstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The behaviour every MongoDB behind the event store must give, run against the embedded server and, where Docker
 * is available, a real mongo:7 replica set.
 */
abstract class EventStorageEngineContract {

    record Noted(String text) {
    }

    /** Revision 2 of a payload whose revision 1 called the field "label". */
    record Renamed(String name) {
    }

    protected abstract MongoClient client();

    /** How far behind the head tracking switches from key lookups to one sequential read. */
    protected int sequentialReadThreshold() {
        return 5_000;
    }

    protected String databaseName;
    protected MongoGlobalSequenceEventStorageEngine engine;
    protected final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();

    @BeforeEach
    void createEngine() {
        databaseName = "contract_" + UUID.randomUUID().toString().substring(0, 8);
        engine = engine(null);
        engine.ensureIndexes();
    }

    @AfterEach
    void dropDatabase() {
        client().getDatabase(databaseName).drop();
    }

    protected MongoGlobalSequenceEventStorageEngine engine(EventUpcaster upcaster) {
        return builder(upcaster).build();
    }

    protected MongoGlobalSequenceEventStorageEngine.Builder builder(EventUpcaster upcaster) {
        MongoGlobalSequenceEventStorageEngine.Builder builder = MongoGlobalSequenceEventStorageEngine.builder()
                .client(client())
                .databaseName(databaseName)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .batchSize(50)
                .sequentialReadThreshold(sequentialReadThreshold());
        if (upcaster != null) {
            builder.upcasterChain(upcaster);
        }
        return builder;
    }

    private static DomainEventMessage<?> event(String aggregateId, long seq, Object payload) {
        return new GenericDomainEventMessage<>("Contract", aggregateId, seq, payload);
    }

    private List<Object> payloadsOf(DomainEventStream stream) {
        return stream.asStream().map(EventMessage::getPayload).collect(Collectors.toList());
    }

    private List<TrackedEventMessage<?>> readAll(TrackingToken from) {
        return engine.readEvents(from, false).collect(Collectors.toList());
    }

    @Test
    void appendsAndReadsAnAggregateStreamInOrder() {
        engine.appendEvents(event("Contract:a", 0, new Noted("signed")),
                            event("Contract:a", 1, new Noted("amended")));
        engine.appendEvents(event("Contract:b", 0, new Noted("other")));
        engine.appendEvents(event("Contract:a", 2, new Noted("amended again")));

        assertThat(payloadsOf(engine.readEvents("Contract:a")))
                .containsExactly(new Noted("signed"), new Noted("amended"), new Noted("amended again"));
        assertThat(payloadsOf(engine.readEvents("Contract:a", 2))).containsExactly(new Noted("amended again"));
        assertThat(engine.lastSequenceNumberFor("Contract:a")).contains(2L);
        assertThat(engine.lastSequenceNumberFor("Contract:b")).contains(0L);
        assertThat(engine.lastSequenceNumberFor("Contract:none")).isEmpty();
    }

    @Test
    void readsAStreamLongerThanOneBatch() {
        List<DomainEventMessage<?>> many = new ArrayList<>();
        for (int i = 0; i < 137; i++) {
            many.add(event("Contract:long", i, new Noted("n" + i)));
        }
        engine.appendEvents(many);
        List<Object> read = payloadsOf(engine.readEvents("Contract:long"));
        assertThat(read).hasSize(137).startsWith(new Noted("n0")).endsWith(new Noted("n136"));
        assertThat(engine.lastSequenceNumberFor("Contract:long")).contains(136L);
    }

    @Test
    void givesEveryEventAGlobalPositionInAppendOrder() {
        engine.appendEvents(event("Contract:a", 0, new Noted("1")));
        engine.appendEvents(event("Contract:b", 0, new Noted("2")), event("Contract:b", 1, new Noted("3")));
        engine.appendEvents(GenericEventMessage.asEventMessage(new Noted("4 (not from an aggregate)")));

        List<TrackedEventMessage<?>> all = readAll(null);
        assertThat(all).extracting(m -> ((Noted) m.getPayload()).text())
                       .containsExactly("1", "2", "3", "4 (not from an aggregate)");
        assertThat(all).extracting(m -> m.trackingToken().position().orElseThrow())
                       .containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void concurrentAppendsToOneAggregateLetExactlyOneWin() throws Exception {
        engine.appendEvents(event("Contract:race", 0, new Noted("signed")));
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            String who = "writer" + w;
            results.add(pool.submit(() -> {
                start.await();
                try {
                    engine.appendEvents(event("Contract:race", 1, new Noted(who + "-1")),
                                        event("Contract:race", 2, new Noted(who + "-2")),
                                        event("Contract:race", 3, new Noted(who + "-3")));
                    return true;
                } catch (ConcurrencyException e) {
                    return false;
                }
            }));
        }
        start.countDown();
        int winners = 0;
        for (Future<Boolean> r : results) {
            winners += r.get() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(winners).isEqualTo(1);
        List<Object> stream = payloadsOf(engine.readEvents("Contract:race"));
        assertThat(stream).hasSize(4);
        String winner = ((Noted) stream.get(1)).text().replace("-1", "");
        assertThat(stream).containsExactly(new Noted("signed"), new Noted(winner + "-1"),
                                           new Noted(winner + "-2"), new Noted(winner + "-3"));
        // what the tracking side sees is the same: no stray event of a losing writer
        assertThat(readAll(null)).hasSize(4);
    }

    @Test
    void concurrentAppendsToDifferentAggregatesGetDistinctContiguousPositions() throws Exception {
        int writers = 8;
        int appendsEach = 50;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < appendsEach; i++) {
                    engine.appendEvents(event("Contract:w" + writer + "-" + i, 0, new Noted("a")),
                                        event("Contract:w" + writer + "-" + i, 1, new Noted("b")));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();

        int total = writers * appendsEach * 2;
        List<TrackedEventMessage<?>> all = readAll(null);
        assertThat(all).hasSize(total);
        assertThat(all).extracting(m -> m.trackingToken().position().orElseThrow())
                       .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, total).boxed().toList());
        // the two events of one commit sit next to each other
        for (int i = 0; i < total; i += 2) {
            assertThat(((DomainEventMessage<?>) all.get(i)).getAggregateIdentifier())
                    .isEqualTo(((DomainEventMessage<?>) all.get(i + 1)).getAggregateIdentifier());
        }
    }

    @Test
    void aConflictAfterTheFirstEventOfACommitLeavesNothingHalfWritten() {
        engine.appendEvents(event("Contract:c", 0, new Noted("signed")),
                            event("Contract:c", 1, new Noted("amended")));
        // a stale writer believes the stream ends at 0... but a conflict inside its batch only shows at seq 1
        List<EventMessage<?>> mixed = List.of(event("Contract:other", 0, new Noted("would be half-written")),
                                              event("Contract:c", 1, new Noted("stale")));
        assertThatThrownBy(() -> engine.appendEvents(mixed)).isInstanceOf(ConcurrencyException.class);

        assertThat(engine.lastSequenceNumberFor("Contract:other")).isEmpty();
        assertThat(readAll(null)).extracting(m -> ((Noted) m.getPayload()).text())
                                 .containsExactly("signed", "amended");
    }

    @Test
    void reusingAnAggregateIdentifierIsRejected() {
        engine.appendEvents(event("Contract:dup", 0, new Noted("first")));
        assertThatThrownBy(() -> engine.appendEvents(event("Contract:dup", 0, new Noted("second"))))
                .isInstanceOf(AggregateStreamCreationException.class);
    }

    @Test
    void trackingSkipsTheGapOfAFailedAppendAndKeepsItWhileItIsRecent() {
        engine.appendEvents(event("Contract:g", 0, new Noted("1")));
        assertThatThrownBy(() -> engine.appendEvents(event("Contract:g", 0, new Noted("lost"))))
                .isInstanceOf(AggregateStreamCreationException.class); // took index 2 and failed
        engine.appendEvents(event("Contract:g", 1, new Noted("3")));

        List<TrackedEventMessage<?>> all = readAll(null);
        assertThat(all).extracting(m -> ((Noted) m.getPayload()).text()).containsExactly("1", "3");
        GapAwareTrackingToken last = (GapAwareTrackingToken) all.get(1).trackingToken();
        assertThat(last.getIndex()).isEqualTo(3L);
        assertThat(last.getGaps()).containsExactly(2L);
        assertThat(readAll(last)).isEmpty();
    }

    @Test
    void anEventWrittenLateIntoAGapIsStillDelivered() {
        // a slow writer takes index 1 but has not inserted yet
        MongoDatabase db = client().getDatabase(databaseName);
        long slowIndex = db.getCollection("domain_event_sequence").findOneAndUpdate(
                Filters.eq("_id", MongoGlobalSequenceEventStorageEngine.SEQUENCE_ID), Updates.inc("value", 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER)).getLong("value");
        engine.appendEvents(event("Contract:fast", 0, new Noted("fast")));

        List<TrackedEventMessage<?>> first = readAll(null);
        assertThat(first).extracting(m -> ((Noted) m.getPayload()).text()).containsExactly("fast");
        TrackingToken afterFast = first.get(0).trackingToken();
        assertThat(((GapAwareTrackingToken) afterFast).getGaps()).containsExactly(slowIndex);

        // the slow writer completes: copy the shape of a stored event under its own index
        Document stored = db.getCollection("domain_events").find(Filters.eq("_id", 2L)).first();
        stored.put("_id", slowIndex);
        stored.put("aggregateIdentifier", "Contract:slow");
        stored.put("eventIdentifier", UUID.randomUUID().toString());
        stored.put("streamKey", "Contract:slow#0");
        stored.put("payload", serializer.serialize(new Noted("slow"), String.class).getData());
        db.getCollection("domain_events").insertOne(stored);

        List<TrackedEventMessage<?>> later = readAll(afterFast);
        assertThat(later).extracting(m -> ((Noted) m.getPayload()).text()).containsExactly("slow");
        assertThat(((GapAwareTrackingToken) later.get(0).trackingToken()).getGaps()).isEmpty();
    }

    @Test
    void replaysTheWholeStoreFromTheTailAndResumesFromAToken() {
        for (int i = 0; i < 120; i++) {
            engine.appendEvents(event("Contract:r" + (i % 7), i / 7, new Noted("e" + i)));
        }
        List<TrackedEventMessage<?>> all = readAll(engine.createTailToken());
        assertThat(all).hasSize(120);
        assertThat(all).extracting(m -> ((Noted) m.getPayload()).text())
                       .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 120)
                                                                            .mapToObj(i -> "e" + i).toList());
        List<TrackedEventMessage<?>> rest = readAll(all.get(99).trackingToken());
        assertThat(rest).hasSize(20);
        assertThat(engine.createHeadToken().position()).hasValue(120L);
    }

    @Test
    void aTokenAtAnInstantStartsAtTheFirstEventFromThatInstant() {
        java.time.Instant t0 = java.time.Instant.parse("2024-06-22T10:00:00Z");
        for (int i = 0; i < 3; i++) {
            engine.appendEvents(new GenericDomainEventMessage<>("Contract", "Contract:t", i, new Noted("e" + i),
                    org.axonframework.messaging.MetaData.emptyInstance(), UUID.randomUUID().toString(),
                    t0.plusSeconds(60L * i)));
        }
        TrackingToken atSecond = engine.createTokenAt(t0.plusSeconds(30));
        assertThat(readAll(atSecond)).extracting(m -> ((Noted) m.getPayload()).text()).containsExactly("e1", "e2");
        assertThat(readAll(null).get(2).getTimestamp()).isEqualTo(t0.plusSeconds(120));
        assertThat(engine.createTokenAt(t0.plusSeconds(3600)).position()).hasValue(3L);
    }

    @Test
    void loadsFromTheSnapshotThenTheLaterEvents() {
        engine.appendEvents(event("Contract:s", 0, new Noted("0")), event("Contract:s", 1, new Noted("1")),
                            event("Contract:s", 2, new Noted("2")));
        engine.storeSnapshot(event("Contract:s", 2, new Noted("state after 2")));
        engine.appendEvents(event("Contract:s", 3, new Noted("3")), event("Contract:s", 4, new Noted("4")));

        DomainEventMessage<?> snapshot = engine.readSnapshot("Contract:s").orElseThrow();
        assertThat(snapshot.getSequenceNumber()).isEqualTo(2L);
        assertThat(snapshot.getPayload()).isEqualTo(new Noted("state after 2"));
        assertThat(payloadsOf(engine.readEvents("Contract:s", snapshot.getSequenceNumber() + 1)))
                .containsExactly(new Noted("3"), new Noted("4"));

        engine.storeSnapshot(event("Contract:s", 4, new Noted("state after 4")));
        assertThat(engine.readSnapshot("Contract:s").orElseThrow().getSequenceNumber()).isEqualTo(4L);
    }

    @Test
    void upcastsOldRevisionsOnReadBothForAggregatesAndTrackers() {
        // revision 1 of Renamed was stored as {"label": ...}
        MongoDatabase db = client().getDatabase(databaseName);
        engine.appendEvents(event("Contract:u", 0, new Renamed("placeholder")));
        db.getCollection("domain_events").updateOne(Filters.eq("_id", 1L),
                Updates.combine(Updates.set("payload", "{\"label\":\"old shape\"}"),
                                Updates.set("payloadRevision", "1")));

        SingleEventUpcaster labelToName = new SingleEventUpcaster() {
            @Override
            protected boolean canUpcast(IntermediateEventRepresentation r) {
                return r.getType().equals(new SimpleSerializedType(Renamed.class.getName(), "1"));
            }

            @Override
            protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation r) {
                return r.upcastPayload(new SimpleSerializedType(Renamed.class.getName(), "2"), JsonNode.class,
                                       node -> {
                                           ObjectNode object = (ObjectNode) node;
                                           object.set("name", object.remove("label"));
                                           return object;
                                       });
            }
        };
        MongoGlobalSequenceEventStorageEngine upcasting = engine(new EventUpcasterChain(labelToName));

        assertThat(payloadsOf(upcasting.readEvents("Contract:u"))).containsExactly(new Renamed("old shape"));
        assertThat(upcasting.readEvents(null, false).<Object>map(EventMessage::getPayload).toList())
                .containsExactly(new Renamed("old shape"));
    }

    // ---- integrity: nothing skipped, nothing shown that is taken back (issue 10) ----

    /** A writer that took an index and has not inserted yet: the index is allocated the way the engine does it. */
    private long allocateLikeASlowWriter() {
        return client().getDatabase(databaseName).getCollection("domain_event_sequence").findOneAndUpdate(
                Filters.eq("_id", MongoGlobalSequenceEventStorageEngine.SEQUENCE_ID), Updates.inc("value", 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER)).getLong("value");
    }

    /** What the slow writer finally inserts: an event document at its own index. */
    private void insertLate(long index, String aggregateId, String text) {
        org.axonframework.serialization.SerializedObject<String> payload = serializer.serialize(new Noted(text),
                                                                                                String.class);
        org.axonframework.serialization.SerializedObject<String> meta = serializer.serialize(
                org.axonframework.messaging.MetaData.emptyInstance(), String.class);
        client().getDatabase(databaseName).getCollection("domain_events")
                .insertOne(EventDocument.of(index, (DomainEventMessage<?>) event(aggregateId, 0, new Noted(text)),
                                            payload, meta));
    }

    private static List<String> texts(List<TrackedEventMessage<?>> events) {
        return events.stream().map(m -> ((Noted) m.getPayload()).text()).toList();
    }

    @Test
    void anEventCommittedLateIsDeliveredWhateverTheClocksOfTheOtherWriters() {
        long slow = allocateLikeASlowWriter();
        // another node, its clock two hours behind, writes after the slow writer took its index
        java.time.Instant skewed = java.time.Instant.now().minus(java.time.Duration.ofHours(2));
        engine.appendEvents(new GenericDomainEventMessage<>("Contract", "Contract:skewed", 0, new Noted("skewed"),
                org.axonframework.messaging.MetaData.emptyInstance(), UUID.randomUUID().toString(), skewed));
        List<TrackedEventMessage<?>> first = readAll(null);
        assertThat(texts(first)).containsExactly("skewed");
        assertThat(((GapAwareTrackingToken) first.get(0).trackingToken()).getGaps()).containsExactly(slow);

        insertLate(slow, "Contract:slow", "slow, committed after");

        assertThat(texts(readAll(first.get(0).trackingToken()))).containsExactly("slow, committed after");
    }

    @Test
    void aWriterStalledPastTenThousandLaterEventsIsStillDelivered() {
        long slow = allocateLikeASlowWriter();
        for (int commit = 0; commit < 21; commit++) {
            List<DomainEventMessage<?>> many = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                many.add(event("Contract:busy" + commit, i, new Noted("busy")));
            }
            engine.appendEvents(many);
        }
        List<TrackedEventMessage<?>> read = readAll(null);
        assertThat(read).hasSize(10_500);
        TrackingToken last = read.get(read.size() - 1).trackingToken();
        assertThat(((GapAwareTrackingToken) last).getGaps()).containsExactly(slow);

        insertLate(slow, "Contract:slow", "slow");

        assertThat(texts(readAll(last))).containsExactly("slow");
    }

    @Test
    void aGapLeftOpenIsFencedAndTheLateWriterWritesAgainUnderNewIndexes() throws Exception {
        CountDownLatch allocated = new CountDownLatch(1);
        CountDownLatch mayInsert = new CountDownLatch(1);
        MongoGlobalSequenceEventStorageEngine slowWriter = new MongoGlobalSequenceEventStorageEngine(builder(null)) {
            private boolean stalled;

            @Override
            protected void insertCommit(List<Document> docs) {
                if (!stalled) { // stalls once, between taking its indexes and inserting
                    stalled = true;
                    allocated.countDown();
                    awaitQuietly(mayInsert);
                }
                super.insertCommit(docs);
            }
        };
        MongoGlobalSequenceEventStorageEngine reader = new MongoGlobalSequenceEventStorageEngine(
                builder(null).fenceGapsAfter(java.time.Duration.ZERO));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<?> slowAppend = pool.submit(() -> slowWriter.appendEvents(
                event("Contract:late", 0, new Noted("late 0")), event("Contract:late", 1, new Noted("late 1"))));
        assertThat(allocated.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        engine.appendEvents(event("Contract:on-time", 0, new Noted("on time")));

        List<TrackedEventMessage<?>> first = reader.readEvents(null, false).collect(Collectors.toList());
        assertThat(texts(first)).containsExactly("on time");
        // the reader saw indexes 1 and 2 open and fenced them: the next read proves them closed
        List<TrackedEventMessage<?>> nothingYet = reader.readEvents(first.get(0).trackingToken(), false)
                                                        .collect(Collectors.toList());
        assertThat(nothingYet).isEmpty();

        mayInsert.countDown();
        slowAppend.get(10, java.util.concurrent.TimeUnit.SECONDS); // no error: it wrote again
        pool.shutdown();

        List<TrackedEventMessage<?>> all = readAll(null);
        assertThat(texts(all)).containsExactly("on time", "late 0", "late 1");
        assertThat(all).extracting(m -> m.trackingToken().position().orElseThrow()).containsExactly(3L, 4L, 5L);
        assertThat(texts(reader.readEvents(first.get(0).trackingToken(), false).collect(Collectors.toList())))
                .containsExactly("late 0", "late 1");
        assertThat(payloadsOf(engine.readEvents("Contract:late")))
                .containsExactly(new Noted("late 0"), new Noted("late 1"));
        GapAwareTrackingToken end = (GapAwareTrackingToken) all.get(2).trackingToken();
        assertThat(end.getGaps()).isEmpty();
    }

    @Test
    void aReaderNeverSeesAnEventOfAFailedAppendWhileWritersFail() throws Exception {
        engine.appendEvents(event("Contract:held", 0, new Noted("signed")),
                            event("Contract:held", 1, new Noted("amended")));
        java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<Integer> reads = pool.submit(() -> {
            int rounds = 0;
            while (writing.get()) {
                engine.readEvents(null, false).forEach(m -> seen.add(((Noted) m.getPayload()).text()));
                for (int i = 0; i < 5; i++) {
                    payloadsOf(engine.readEvents("Contract:half-" + i)).forEach(p -> seen.add(((Noted) p).text()));
                }
                rounds++;
            }
            return rounds;
        });
        Future<Integer> failures = pool.submit(() -> {
            int failed = 0;
            for (int i = 0; i < 400; i++) {
                try {
                    engine.appendEvents(event("Contract:half-" + (i % 5), 0, new Noted("half-written " + i)),
                                        event("Contract:held", 1, new Noted("stale " + i)));
                } catch (ConcurrencyException expected) {
                    failed++;
                }
            }
            return failed;
        });
        assertThat(failures.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(400);
        writing.set(false);
        assertThat(reads.get(60, java.util.concurrent.TimeUnit.SECONDS)).isPositive();
        pool.shutdown();

        assertThat(seen).containsOnly("signed", "amended");
        assertThat(texts(readAll(null))).containsExactly("signed", "amended");
    }

    @Test
    void anAppendWhoseAnswerIsLostButWhichLandedIsASuccessNotADuplicate() {
        MongoGlobalSequenceEventStorageEngine answerLost = new MongoGlobalSequenceEventStorageEngine(builder(null)) {
            @Override
            protected void insertCommit(List<Document> docs) {
                super.insertCommit(docs);
                throw new com.mongodb.MongoSocketReadTimeoutException("timed out after the server applied it",
                        new com.mongodb.ServerAddress(), new java.net.SocketTimeoutException());
            }
        };
        answerLost.appendEvents(event("Contract:ack", 0, new Noted("landed")), event("Contract:ack", 1,
                                                                                     new Noted("landed too")));

        assertThat(texts(readAll(null))).containsExactly("landed", "landed too");
        assertThat(engine.lastSequenceNumberFor("Contract:ack")).contains(1L);
    }

    @Test
    void anAppendLostOnTheWayIsFencedAndWrittenAgainOnce() {
        MongoGlobalSequenceEventStorageEngine lostOnce = new MongoGlobalSequenceEventStorageEngine(builder(null)) {
            private boolean lost;

            @Override
            protected void insertCommit(List<Document> docs) {
                if (!lost) {
                    lost = true;
                    throw new com.mongodb.MongoSocketWriteException("connection reset before the server read it",
                            new com.mongodb.ServerAddress(), new java.io.IOException("reset"));
                }
                super.insertCommit(docs);
            }
        };
        lostOnce.appendEvents(event("Contract:retry", 0, new Noted("once")));

        List<TrackedEventMessage<?>> all = readAll(null);
        assertThat(texts(all)).containsExactly("once");
        assertThat(all.get(0).trackingToken().position()).hasValue(2L); // index 1 holds the fence
        assertThat(((GapAwareTrackingToken) all.get(0).trackingToken()).getGaps()).isEmpty();
        assertThat(client().getDatabase(databaseName).getCollection("domain_events")
                           .find(Filters.eq("_id", 1L)).first().getBoolean("void")).isTrue();
    }

    @Test
    void aRunOfFencesLongerThanABatchDoesNotStallALaterReader() {
        for (int i = 0; i < 120; i++) {
            allocateLikeASlowWriter(); // 120 writers that died after taking their index
        }
        engine.appendEvents(event("Contract:after", 0, new Noted("after the dead writers")));
        MongoGlobalSequenceEventStorageEngine fencing = new MongoGlobalSequenceEventStorageEngine(
                builder(null).fenceGapsAfter(java.time.Duration.ZERO));
        List<TrackedEventMessage<?>> first = fencing.readEvents(null, false).collect(Collectors.toList());
        assertThat(texts(first)).containsExactly("after the dead writers");
        assertThat(fencing.readEvents(first.get(0).trackingToken(), false).count()).isZero(); // fences them all

        // a reader starting now meets windows of 50 indexes holding fences only before the event
        List<TrackedEventMessage<?>> fresh = readAll(null);
        assertThat(texts(fresh)).containsExactly("after the dead writers");
        assertThat(((GapAwareTrackingToken) fresh.get(0).trackingToken()).getGaps()).isEmpty();
        assertThat(fresh.get(0).trackingToken().position()).hasValue(121L);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
