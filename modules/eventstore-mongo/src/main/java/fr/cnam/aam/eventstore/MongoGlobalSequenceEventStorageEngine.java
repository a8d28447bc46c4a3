package fr.cnam.aam.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.MongoInterruptedException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteConcernException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.axonframework.eventhandling.EventUtils.asDomainEventMessage;

/**
 * Axon event storage on MongoDB where every event has a global, gap-aware position.
 * <p>
 * One document per event, {@code _id} = global index taken from a counter document, so that tracking reads are
 * key lookups ({@code _id $in [next indexes and known gaps]}) which every MongoDB server — including the embedded
 * wire-protocol server, which only uses an index for equality and {@code $in} on a single-field unique index —
 * serves from an index. An aggregate's stream is read the same way through {@code streamKey}
 * ("aggregateId#sequence"). The (aggregateIdentifier, sequenceNumber) pair is unique, which turns a concurrent
 * append into a duplicate key error and so into a {@code ConcurrencyException}.
 * <p>
 * <b>No half-written commit is ever visible.</b> A commit is one insert of its events: in a multi-document
 * transaction when the server has them (a replica set); on the embedded server, which makes a multi-document insert
 * all-or-nothing itself (it says so in its {@code hello} answer); on a standalone MongoDB without either, an insert
 * that fails halfway is compensated by deleting what it inserted — the one case where a reader may glimpse a failed
 * commit, which is why production runs on a replica set.
 * <p>
 * <b>No committed event is ever skipped.</b> An index handed out but not yet written is a gap in the reader's
 * token. A gap is closed only when it is proven it will never be filled: a reader that has seen it open for
 * {@code fenceGapsAfter} writes a <em>fence</em> at that index (a document no reader delivers). The unique {@code _id}
 * decides between the fence and a late writer: if the fence lands, the writer's insert fails on that index and the
 * writer takes new indexes and writes again, so its events are delivered after all; if the writer's event is
 * there first, the reader reads it. Nothing depends on the writers' clocks or on how many events were written
 * since. A writer that cannot tell whether its insert landed (a socket error) fences its own first index to find
 * out.
 */
public class MongoGlobalSequenceEventStorageEngine extends BatchingEventStorageEngine {

    private static final Logger log = LoggerFactory.getLogger(MongoGlobalSequenceEventStorageEngine.class);
    static final String SEQUENCE_ID = "global";
    private static final int DUPLICATE_KEY = 11000;
    private static final int FIRST_STREAM_CHUNK = 8;
    /** Gaps are never dropped for being far behind: only a fence closes one. */
    private static final int KEEP_EVERY_GAP = Integer.MAX_VALUE;
    /** At most this many gaps fenced by one read (each fence is one durable insert). */
    private static final int MAX_FENCES_PER_READ = 256;
    /** A commit fenced out (or lost) is written again under new indexes, up to this many times in all. */
    private static final int MAX_APPEND_ATTEMPTS = 5;

    private final MongoClient client;
    private final MongoCollection<Document> events;
    private final MongoCollection<Document> snapshots;
    private final MongoCollection<Document> sequence;
    private final boolean transactional;
    private final boolean atomicInserts;
    private final Clock clock;
    private final Duration fenceGapsAfter;
    /** When this engine first saw each still-open gap (a gap is a fact of the store, shared by every reader). */
    private final Map<Long, Instant> gapsSeenOpen = new ConcurrentHashMap<>();
    private final int lookAheadWindows;
    private final int maxKeysPerQuery;
    private final int sequentialReadThreshold;

    protected MongoGlobalSequenceEventStorageEngine(Builder builder) {
        super(builder);
        this.client = builder.client;
        MongoDatabase db = builder.client.getDatabase(builder.databaseName);
        this.events = db.getCollection(builder.eventsCollection);
        this.snapshots = db.getCollection(builder.snapshotsCollection);
        this.sequence = db.getCollection(builder.sequenceCollection);
        this.transactional = builder.transactions.resolve(builder.client);
        this.atomicInserts = transactional || serverInsertsAtomically(builder.client);
        this.clock = builder.clock;
        this.fenceGapsAfter = builder.fenceGapsAfter;
        this.lookAheadWindows = builder.lookAheadWindows;
        this.maxKeysPerQuery = builder.maxKeysPerQuery;
        this.sequentialReadThreshold = builder.sequentialReadThreshold;
        log.info("Event store on collections {}/{}: commits {}", builder.databaseName, builder.eventsCollection,
                 transactional ? "in multi-document transactions"
                         : atomicInserts ? "as all-or-nothing inserts (the server's own)"
                         : "compensated by deletes (no transactions: a reader may glimpse a failed commit)");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Creates the indexes the store relies on; idempotent. */
    public void ensureIndexes() {
        events.createIndex(Indexes.ascending(EventDocument.STREAM_KEY), new IndexOptions().unique(true));
        events.createIndex(Indexes.ascending(EventDocument.AGGREGATE_ID, EventDocument.SEQUENCE_NUMBER),
                           new IndexOptions().unique(true).name("aggregate_sequence_unique"));
    }

    public boolean isTransactional() {
        return transactional;
    }

    /** Whether the server says a multi-document insert is all-or-nothing (the embedded server does). */
    private static boolean serverInsertsAtomically(MongoClient client) {
        Document hello = client.getDatabase("admin").runCommand(new Document("isMaster", 1));
        return Boolean.TRUE.equals(hello.get(SerializedWritesBackend.ATOMIC_INSERTS));
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> messages, Serializer serializer) {
        if (messages.isEmpty()) {
            return;
        }
        List<Document> docs = new ArrayList<>(messages.size());
        for (EventMessage<?> message : messages) {
            DomainEventMessage<?> event = asDomainEventMessage(message);
            SerializedObject<String> payload = event.serializePayload(serializer, String.class);
            SerializedObject<String> metaData = event.serializeMetaData(serializer, String.class);
            docs.add(EventDocument.of(0, event, payload, metaData));
        }
        for (int attempt = 1; ; attempt++) {
            long first = allocate(docs.size()) - docs.size() + 1;
            for (int i = 0; i < docs.size(); i++) {
                docs.get(i).put("_id", first + i);
            }
            RuntimeException failure;
            AppendOutcome outcome;
            try {
                insertCommit(docs);
                return;
            } catch (RuntimeException e) {
                failure = e;
                if (isAggregateSequenceConflict(e)) {
                    handlePersistenceException(e, messages.get(failedIndex(e))); // throws: a concurrent change
                }
                outcome = isOnIdIndex(e) ? AppendOutcome.NOT_WRITTEN
                        : isUnknownOutcome(e) ? outcomeOf(first, docs.get(0)) : AppendOutcome.FAILED;
            }
            if (outcome == AppendOutcome.WRITTEN) {
                return;
            }
            if (outcome == AppendOutcome.NOT_WRITTEN && attempt < MAX_APPEND_ATTEMPTS) {
                // a reader fenced an index of ours, or our insert was lost: nothing of it is stored, write again
                log.info("Append at {} not written ({}); writing it again under new indexes", first,
                         failure.getMessage());
                continue;
            }
            throw new EventStoreException("Could not append " + docs.size() + " events at " + first, failure);
        }
    }

    private enum AppendOutcome { WRITTEN, NOT_WRITTEN, FAILED }

    /** Inserts one commit's documents, whole or not at all (see the class comment). A seam for the tests. */
    protected void insertCommit(List<Document> docs) {
        if (transactional) {
            try (ClientSession session = client.startSession()) {
                session.withTransaction(() -> events.insertMany(session, docs));
            }
        } else if (atomicInserts) {
            events.insertMany(docs);
        } else {
            insertOrCompensate(docs, docs.get(0).getLong("_id"));
        }
    }

    /**
     * After an error that does not say whether the insert landed: fence our own first index. If the fence lands,
     * our insert never will (it would fail on that index, and a commit is whole or nothing); if it does not, what
     * holds the index says.
     */
    private AppendOutcome outcomeOf(long first, Document firstOfOurs) {
        try {
            Document there = fence(first);
            return there != null && firstOfOurs.getString(EventDocument.EVENT_ID)
                                               .equals(there.getString(EventDocument.EVENT_ID))
                    ? AppendOutcome.WRITTEN : AppendOutcome.NOT_WRITTEN;
        } catch (MongoException unreachable) {
            log.error("Cannot tell whether the append at {} landed: the store does not answer", first, unreachable);
            return AppendOutcome.FAILED;
        }
    }

    /**
     * Writes a fence at {@code index}. Returns null if the fence landed (nothing will ever be written there), or
     * the document that holds the index (an event, or another reader's fence).
     */
    private Document fence(long index) {
        try {
            events.insertOne(EventDocument.fence(index, clock.instant()));
            gapsSeenOpen.remove(index);
            log.info("Global index {} fenced: it will hold no event", index);
            return null;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            gapsSeenOpen.remove(index);
            return events.find(Filters.eq("_id", index)).first();
        }
    }

    private static boolean isUnknownOutcome(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MongoBulkWriteException bulk && bulk.getWriteErrors().isEmpty()
                && bulk.getWriteConcernError() != null) {
                return true; // written, but not (yet) acknowledged as the write concern asks
            }
            if (t instanceof MongoSocketException || t instanceof MongoTimeoutException
                || t instanceof MongoWriteConcernException || t instanceof MongoInterruptedException
                || t instanceof MongoNotPrimaryException || t instanceof MongoNodeIsRecoveringException) {
                return true;
            }
            if (t instanceof MongoException mongo
                && (mongo.hasErrorLabel(MongoException.TRANSIENT_TRANSACTION_ERROR_LABEL)
                    || mongo.hasErrorLabel(MongoException.UNKNOWN_TRANSACTION_COMMIT_RESULT_LABEL))) {
                return true;
            }
        }
        return false;
    }

    private void insertOrCompensate(List<Document> docs, long first) {
        try {
            events.insertMany(docs);
        } catch (MongoBulkWriteException e) {
            int inserted = e.getWriteErrors().isEmpty() ? docs.size() : e.getWriteErrors().get(0).getIndex();
            if (inserted > 0) {
                // ordered insert stopped at the first error: remove what it wrote, by key
                List<Long> ids = new ArrayList<>(inserted);
                for (int i = 0; i < inserted; i++) {
                    ids.add(first + i);
                }
                events.deleteMany(Filters.in("_id", ids));
            }
            throw e;
        }
    }

    private static int failedIndex(RuntimeException e) {
        if (e instanceof MongoBulkWriteException bulk && !bulk.getWriteErrors().isEmpty()) {
            return bulk.getWriteErrors().get(0).getIndex();
        }
        return 0;
    }

    private long allocate(int count) {
        Document counter = sequence.findOneAndUpdate(
                Filters.eq("_id", SEQUENCE_ID),
                Updates.inc("value", (long) count),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return ((Number) counter.get("value")).longValue();
    }

    /**
     * Up to {@code maxIndexes} indexes after {@code after}, in order, stopping at the first index handed out but not
     * written yet: a feed that moves on only over a run without holes never skips an event committed late. A hole
     * seen open for {@code fenceGapsAfter} is fenced, as tracking readers do, so the run goes on after it.
     */
    public PositionedEvents readContiguous(long after, int maxIndexes) {
        long to = Math.min(highestAllocatedIndex(), after + maxIndexes);
        List<PositionedEvents.Positioned> found = new ArrayList<>();
        if (to <= after) {
            return new PositionedEvents(found, after);
        }
        List<Long> keys = new ArrayList<>((int) (to - after));
        for (long i = after + 1; i <= to; i++) {
            keys.add(i);
        }
        Map<Long, Document> byIndex = new java.util.HashMap<>();
        findByIds(keys).forEach(doc -> byIndex.put(doc.getLong("_id"), doc));
        long next = after;
        for (long i = after + 1; i <= to; i++) {
            Document doc = byIndex.get(i);
            if (doc == null) {
                List<Document> filled = fillOrFence(java.util.Set.of(i));
                if (filled.isEmpty()) {
                    break; // still open: written later, or fenced once open long enough
                }
                doc = filled.get(0);
            }
            next = i;
            if (!EventDocument.isFence(doc)) {
                found.add(new PositionedEvents.Positioned(i, EventDocument.toEntry(doc)));
            }
        }
        return new PositionedEvents(found, next);
    }

    /**
     * Whether a commit is all or nothing to a reader (transactions, or a server that inserts a batch atomically).
     * Otherwise a failed commit is compensated by deletes and a reader may glimpse it meanwhile.
     */
    public boolean commitsAtomically() {
        return atomicInserts;
    }

    /** The highest global index handed out so far (some may still be in flight, or lost as gaps). */
    public long highestAllocatedIndex() {
        Document counter = sequence.find(Filters.eq("_id", SEQUENCE_ID)).first();
        return counter == null ? 0L : ((Number) counter.get("value")).longValue();
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        SerializedObject<String> payload = snapshot.serializePayload(serializer, String.class);
        SerializedObject<String> metaData = snapshot.serializeMetaData(serializer, String.class);
        Document doc = EventDocument.snapshot(snapshot, payload, metaData);
        try {
            snapshots.replaceOne(Filters.eq("_id", snapshot.getAggregateIdentifier()), doc,
                                 new ReplaceOptions().upsert(true));
        } catch (MongoException e) {
            throw new EventStoreException("Could not store snapshot of " + snapshot.getAggregateIdentifier(), e);
        }
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        Document doc = snapshots.find(Filters.eq("_id", aggregateIdentifier)).first();
        return doc == null ? Stream.empty() : Stream.of(EventDocument.toEntry(doc));
    }

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier,
                                                                   long firstSequenceNumber,
                                                                   int batchSize) {
        // most streams are short: ask for a few keys first, then more while the chunks come back full
        List<DomainEventData<?>> result = new ArrayList<>();
        long next = firstSequenceNumber;
        int chunk = FIRST_STREAM_CHUNK;
        while (result.size() < batchSize) {
            int size = Math.min(chunk, batchSize - result.size());
            List<String> keys = new ArrayList<>(size);
            for (long seq = next; seq < next + size; seq++) {
                keys.add(EventDocument.streamKey(aggregateIdentifier, seq));
            }
            List<Document> docs = events.find(Filters.in(EventDocument.STREAM_KEY, keys)).into(new ArrayList<>());
            docs.sort(Comparator.comparingLong(d -> d.getLong(EventDocument.SEQUENCE_NUMBER)));
            for (Document doc : docs) {
                if (doc.getLong(EventDocument.SEQUENCE_NUMBER) != next) {
                    return result; // a hole in a stream would be a bug elsewhere: stop where it stops being contiguous
                }
                result.add(EventDocument.toEntry(doc));
                next++;
            }
            if (docs.size() < size) {
                return result;
            }
            chunk = Math.min(chunk * 2, maxKeysPerQuery);
        }
        return result;
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        if (!streamHas(aggregateIdentifier, 0)) {
            return Optional.empty();
        }
        long low = 0;
        long high = 1;
        while (streamHas(aggregateIdentifier, high)) {
            low = high;
            high *= 2;
        }
        while (high - low > 1) {
            long mid = (low + high) >>> 1;
            if (streamHas(aggregateIdentifier, mid)) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return Optional.of(low);
    }

    private boolean streamHas(String aggregateIdentifier, long seq) {
        return events.find(Filters.eq(EventDocument.STREAM_KEY, EventDocument.streamKey(aggregateIdentifier, seq)))
                     .projection(new Document("_id", 1)).first() != null;
    }

    /**
     * A reader far behind the head (a replay, a new projection) reads in one pass: the gaps it knows of by key,
     * then a cursor over {@code _id > position} in order. Key lookups are what a reader near the head needs; over
     * a whole history a sequential read is several times cheaper, on the embedded server (which sorts the
     * collection once for the cursor) as on MongoDB (which walks the {@code _id} index). The stream ends with the
     * cursor; the reader then opens the next one from its last token, by key if it is near the head by then.
     */
    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken trackingToken, boolean mayBlock) {
        GapAwareTrackingToken token = asGapAware(trackingToken);
        if (highestAllocatedIndex() - token.getIndex() <= (long) sequentialReadThreshold) {
            return super.readEventData(trackingToken, mayBlock);
        }
        List<Document> gapFills = fillOrFence(token.getGaps());
        gapFills.sort(Comparator.comparingLong(d -> d.getLong("_id")));
        MongoCursor<Document> cursor = events.find(Filters.gt("_id", token.getIndex()))
                                             .sort(Sorts.ascending("_id"))
                                             .batchSize(batchSize())
                                             .cursor();
        Iterator<Document> documents = new Iterator<>() {
            private final Iterator<Document> gaps = gapFills.iterator();

            @Override
            public boolean hasNext() {
                return gaps.hasNext() || cursor.hasNext();
            }

            @Override
            public Document next() {
                return gaps.hasNext() ? gaps.next() : cursor.next();
            }
        };
        Iterator<TrackedEventData<?>> tracked = new Iterator<>() {
            private GapAwareTrackingToken previous = token;
            private TrackedEventData<?> next;

            @Override
            public boolean hasNext() {
                while (next == null && documents.hasNext()) {
                    Document doc = documents.next();
                    previous = previous.advanceTo(doc.getLong("_id"), KEEP_EVERY_GAP);
                    if (!EventDocument.isFence(doc)) {
                        next = new TrackedDomainEventData<>(previous, EventDocument.toEntry(doc));
                    }
                }
                return next != null;
            }

            @Override
            public TrackedEventData<?> next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                TrackedEventData<?> result = next;
                next = null;
                return result;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(tracked, Spliterator.ORDERED), false)
                            .onClose(cursor::close);
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        GapAwareTrackingToken token = asGapAware(lastToken);
        long head = highestAllocatedIndex();
        long from = token.getIndex() + 1;
        List<Document> found = fillOrFence(token.getGaps());
        // a run of missing indexes longer than a batch (a failed large append) must not stall the reader
        for (int window = 0; window < lookAheadWindows && from <= head; window++) {
            long to = Math.min(head, from + batchSize - 1);
            List<Long> keys = new ArrayList<>((int) (to - from + 1));
            for (long i = from; i <= to; i++) {
                keys.add(i);
            }
            List<Document> batch = findByIds(keys);
            found.addAll(batch);
            if (batch.stream().anyMatch(doc -> !EventDocument.isFence(doc))) {
                break; // fences alone must not stop the look-ahead: the events may lie beyond them
            }
            from = to + 1;
        }
        if (found.isEmpty()) {
            return Collections.emptyList();
        }
        found.sort(Comparator.comparingLong(d -> d.getLong("_id")));
        List<TrackedEventData<?>> result = new ArrayList<>(found.size());
        GapAwareTrackingToken previous = token;
        for (Document doc : found) {
            // a fence moves the token on (it closes its gap) but is no event: the next event's token carries it
            previous = previous.advanceTo(doc.getLong("_id"), KEEP_EVERY_GAP);
            if (!EventDocument.isFence(doc)) {
                result.add(new TrackedDomainEventData<>(previous, EventDocument.toEntry(doc)));
            }
        }
        return result;
    }

    /**
     * The documents now at the token's gaps. A gap this engine has seen open for {@code fenceGapsAfter} is fenced:
     * either the fence lands (the gap is closed for good, provably) or the document that beat it is read.
     */
    private List<Document> fillOrFence(java.util.Set<Long> gaps) {
        if (gaps.isEmpty()) {
            return new ArrayList<>();
        }
        List<Document> found = findByIds(new ArrayList<>(gaps));
        java.util.Set<Long> filled = new java.util.HashSet<>();
        for (Document doc : found) {
            filled.add(doc.getLong("_id"));
            gapsSeenOpen.remove(doc.getLong("_id"));
        }
        if (filled.size() == gaps.size()) {
            return found;
        }
        Instant now = clock.instant();
        int fenced = 0;
        for (Long gap : gaps) {
            if (filled.contains(gap)) {
                continue;
            }
            Instant seen = gapsSeenOpen.computeIfAbsent(gap, g -> now);
            // a bounded number per read, so that a history full of old holes is fenced over several reads
            if (!seen.plus(fenceGapsAfter).isAfter(now) && fenced++ < MAX_FENCES_PER_READ) {
                Document there = fence(gap);
                found.add(there == null ? EventDocument.fence(gap, now) : there);
            }
        }
        return found;
    }

    /**
     * Key lookups in chunks: a server checks every document an index hands back against the whole {@code $in}
     * list, so one query of n keys costs n² comparisons (measured on the embedded server: 500 keys per query
     * capped the stream near 20,000 events/s).
     */
    private List<Document> findByIds(List<Long> ids) {
        List<Document> found = new ArrayList<>(ids.size());
        for (int from = 0; from < ids.size(); from += maxKeysPerQuery) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + maxKeysPerQuery));
            events.find(Filters.in("_id", chunk)).into(found);
        }
        return found;
    }

    private static GapAwareTrackingToken asGapAware(TrackingToken token) {
        if (token == null) {
            return GapAwareTrackingToken.newInstance(0, Collections.emptySortedSet());
        }
        if (!(token instanceof GapAwareTrackingToken gapAware)) {
            throw new IllegalArgumentException("Token " + token + " is not a GapAwareTrackingToken");
        }
        return gapAware;
    }

    @Override
    public TrackingToken createTailToken() {
        return GapAwareTrackingToken.newInstance(0, Collections.emptySortedSet());
    }

    @Override
    public TrackingToken createHeadToken() {
        return GapAwareTrackingToken.newInstance(highestAllocatedIndex(), Collections.emptySortedSet());
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        // rare (admin use): a range query, served by an index on a real MongoDB only
        Document first = events.find(Filters.gte(EventDocument.TIMESTAMP, java.util.Date.from(dateTime)))
                               .sort(Sorts.ascending("_id")).projection(new Document("_id", 1)).first();
        if (first == null) {
            return createHeadToken();
        }
        SortedSet<Long> noGaps = new TreeSet<>();
        return GapAwareTrackingToken.newInstance(first.getLong("_id") - 1, noGaps);
    }

    /**
     * A duplicate (aggregate, sequence) is a concurrent change of one aggregate. A duplicate {@code _id} would mean
     * two appends were handed the same global index: a store fault, never to be mistaken for a lost race.
     */
    static boolean isAggregateSequenceConflict(Throwable e) {
        return duplicateKey(e, message -> !onIdIndex(message));
    }

    /** A duplicate {@code _id}: the index was fenced by a reader (or, were it ever to happen, handed out twice). */
    private static boolean isOnIdIndex(Throwable e) {
        return duplicateKey(e, MongoGlobalSequenceEventStorageEngine::onIdIndex);
    }

    /** Whether {@code e} (or a cause) is a duplicate key error whose message {@code onIndex} accepts. */
    private static boolean duplicateKey(Throwable e, java.util.function.Predicate<String> onIndex) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MongoBulkWriteException bulk) {
                return bulk.getWriteErrors().stream()
                           .anyMatch(err -> err.getCode() == DUPLICATE_KEY && onIndex.test(err.getMessage()));
            }
            if (t instanceof MongoWriteException write) {
                return write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY
                       && onIndex.test(write.getError().getMessage());
            }
            if (t instanceof MongoException mongo && mongo.getCode() == DUPLICATE_KEY) {
                return onIndex.test(mongo.getMessage());
            }
        }
        return false;
    }

    private static boolean onIdIndex(String message) {
        return message != null && message.contains("index: _id_ ");
    }

    public static class Builder extends BatchingEventStorageEngine.Builder {
        private MongoClient client;
        private String databaseName = "aam";
        private String eventsCollection = "domain_events";
        private String snapshotsCollection = "snapshot_events";
        private String sequenceCollection = "domain_event_sequence";
        private TransactionMode transactions = TransactionMode.AUTO;
        private Clock clock = Clock.systemUTC();
        private Duration fenceGapsAfter = Duration.ofSeconds(5);
        private int lookAheadWindows = 100;
        private int maxKeysPerQuery = 64;
        private int sequentialReadThreshold = 5_000;

        Builder() {
            persistenceExceptionResolver(MongoGlobalSequenceEventStorageEngine::isAggregateSequenceConflict);
        }

        public Builder client(MongoClient client) {
            this.client = client;
            return this;
        }

        public Builder databaseName(String databaseName) {
            this.databaseName = databaseName;
            return this;
        }

        public Builder collections(String events, String snapshots, String sequence) {
            this.eventsCollection = events;
            this.snapshotsCollection = snapshots;
            this.sequenceCollection = sequence;
            return this;
        }

        public Builder transactions(TransactionMode transactions) {
            this.transactions = transactions;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * How long a reader waits for a gap to fill before fencing it. Any value is safe (a fenced writer writes
         * again); a short one delivers the events after a dead writer's gap sooner, a long one fences less often.
         */
        public Builder fenceGapsAfter(Duration fenceGapsAfter) {
            this.fenceGapsAfter = fenceGapsAfter;
            return this;
        }

        /** How far behind the head a reader must be to read sequentially rather than by key. */
        public Builder sequentialReadThreshold(int sequentialReadThreshold) {
            this.sequentialReadThreshold = sequentialReadThreshold;
            return this;
        }

        public Builder maxKeysPerQuery(int maxKeysPerQuery) {
            this.maxKeysPerQuery = maxKeysPerQuery;
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        @Override
        public Builder upcasterChain(org.axonframework.serialization.upcasting.event.EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        @Override
        public Builder batchSize(int batchSize) {
            super.batchSize(batchSize);
            return this;
        }

        public MongoGlobalSequenceEventStorageEngine build() {
            validate();
            if (client == null) {
                throw new org.axonframework.common.AxonConfigurationException("A MongoClient is required");
            }
            return new MongoGlobalSequenceEventStorageEngine(this);
        }
    }
}
