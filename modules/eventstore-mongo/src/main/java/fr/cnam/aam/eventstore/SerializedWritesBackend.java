package fr.cnam.aam.eventstore;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Makes the embedded server's writes atomic, all-or-nothing and durable before they are answered.
 * <p>
 * <b>Atomic with respect to each other.</b> mongo-java-server checks a unique index
 * and then adds to it in two steps, and runs findAndModify as a find followed by an update, with no lock around
 * either: two connections inserting the same key, or incrementing the same counter, can both succeed (measured
 * here: two writers were handed the same global index). A real MongoDB does not need this. Reads share the lock,
 * writes take it alone. The answer is copied while the lock is held: findAndModify answers with the stored
 * document itself, which the next writer would otherwise change before the answer is encoded.
 * <p>
 * Each call also holds a {@code pin} for its duration: on the file backend it registers the MVStore version the
 * call reads, so that the store's background writer does not free the chunks of that version while the call walks
 * them (H2 frees them otherwise and the read fails with "Chunk n not found": h2database issues 4218 and 4383; seen
 * here in the event-store benchmark).
 * <p>
 * <b>All or nothing.</b> An ordered insert of several documents that stops on an error (a duplicate key) leaves,
 * in mongo-java-server, the documents before the error inserted. Here they are removed before the lock is
 * released, so no reader ever sees part of a failed insert — an event store's commit is one insert — and the
 * answer says nothing was inserted. The server says so in its {@code hello} answer ({@value #ATOMIC_INSERTS}), so
 * that the event store knows it needs no compensation of its own.
 * <p>
 * <b>Durable before answered.</b> With a {@link WriteAheadJournal}, each write is appended to the journal, in the
 * order it was applied, and answered once the journal is on the disk. The store's file is committed only between
 * writes, never in the middle of one ({@link #checkpoint}; the store's own background writer is off), so the file
 * never holds half a write, and the journal's later records bring back every answered write after a crash
 * ({@link #reapply}).
 */
final class SerializedWritesBackend implements MongoBackend {

    private static final Set<String> READ_COMMANDS = Set.of(
            "find", "getMore", "count", "distinct", "listCollections", "listIndexes", "listDatabases", "ping",
            "isMaster", "ismaster", "hello", "buildInfo", "buildinfo", "serverStatus", "dbStats", "collStats",
            "whatsmyuri", "getParameter", "getLastError", "getlasterror", "connectionStatus", "hostInfo",
            "getCmdLineOpts", "getFreeMonitoringStatus", "killCursors", "endSessions");

    /** The field of the {@code hello} answer by which this server says a multi-document insert is atomic. */
    static final String ATOMIC_INSERTS = "aamAtomicInserts";

    private static final Set<String> HELLO_COMMANDS = Set.of("isMaster", "ismaster", "hello");

    private final MongoBackend delegate;
    private final Supplier<Runnable> pin;
    private final Lock readLock;
    private final Lock writeLock;
    /** Set once recovery is over; null for the memory backend and the delayed baseline. */
    private volatile WriteAheadJournal journal;
    /** The channel journal records are applied again through (some commands keep per-channel state). */
    private final io.netty.channel.Channel recoveryChannel = new io.netty.channel.embedded.EmbeddedChannel();

    /** {@code pin} is called before each call; the Runnable it gives back is run once the call is over. */
    SerializedWritesBackend(MongoBackend delegate, Supplier<Runnable> pin) {
        this.delegate = delegate;
        this.pin = pin;
        ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        this.readLock = lock.readLock();
        this.writeLock = lock.writeLock();
    }

    /** Run under the write lock just before the store closes (and commits everything). */
    private volatile Runnable beforeClose = () -> { };

    void beforeClose(Runnable action) {
        this.beforeClose = action;
    }

    /** From now on every write is journaled and answered once durable. */
    void journalTo(WriteAheadJournal journal) {
        this.journal = journal;
    }

    /** Applies a journal record again (recovery, before the server listens). */
    void reapply(WriteAheadJournal.Entry entry) {
        try {
            apply(entry.database(), entry.command(), entry.query(),
                  () -> delegate.handleCommand(recoveryChannel, entry.database(), entry.command(), entry.query()));
        } catch (RuntimeException failedThenToo) {
            // the write failed when it was first applied as well (its writer was told so): same state either way
        }
    }

    /**
     * Commits the store's file between writes: while no write is in progress, {@code commit} stores everything
     * applied so far, noting the journal sequence it reaches; then {@code force} puts it on the disk and the
     * journal drops what the file now holds. Housekeeping that rewrites the file ({@code commit} may compact) runs
     * here too, for the same reason.
     */
    void checkpoint(java.util.function.LongConsumer commit, Runnable force) {
        WriteAheadJournal current = journal;
        if (current == null) {
            readLock.lock();
            try {
                commit.accept(0);
            } finally {
                readLock.unlock();
            }
            force.run();
            return;
        }
        current.checkUsable();
        try {
            long sequence;
            java.nio.channels.FileChannel retired;
            readLock.lock();
            try {
                sequence = current.lastAppended();
                commit.accept(sequence);
                retired = current.rotate(sequence);
            } finally {
                readLock.unlock();
            }
            force.run();
            current.checkpointDurable(sequence, retired);
        } catch (RuntimeException e) {
            current.fail(e);
            throw e;
        }
    }

    long journalForces() {
        WriteAheadJournal current = journal;
        return current == null ? 0 : current.forces();
    }

    private static boolean isRead(String command, Document query) {
        if ("aggregate".equals(command)) {
            String pipeline = String.valueOf(query.get("pipeline"));
            return !pipeline.contains("$out") && !pipeline.contains("$merge");
        }
        return READ_COMMANDS.contains(command);
    }

    private <T> T locked(Lock lock, Supplier<T> action) {
        lock.lock();
        Runnable release = pin.get();
        try {
            return action.get();
        } finally {
            release.run();
            lock.unlock();
        }
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        return handle(database, command, query, () -> delegate.handleCommand(channel, database, command, query));
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        // the driver's commands arrive here (OP_MSG), with a document sequence such as an insert's "documents"
        // merged into the body; the delegate then calls its own handleCommand, not ours
        Document query = message.getDocument();
        String command = query.keySet().iterator().next();
        return handle((String) query.get("$db"), command, query, () -> delegate.handleMessage(message));
    }

    private Document handle(String database, String command, Document query, Supplier<Document> action) {
        WriteAheadJournal current = journal;
        if (current != null) {
            current.checkUsable();
        }
        if (isRead(command, query)) {
            Document answer = locked(readLock, () -> action.get().cloneDeeply());
            if (HELLO_COMMANDS.contains(command)) {
                answer.put(ATOMIC_INSERTS, Boolean.TRUE);
            }
            return answer;
        }
        long[] ticket = {0};
        Document answer = locked(writeLock, () -> {
            try {
                return apply(database, command, query, action);
            } finally {
                // in the order of application, whatever the outcome: applied again, it does the same
                if (current != null) {
                    ticket[0] = current.append(database, command, query);
                }
            }
        });
        if (current != null) {
            current.awaitDurable(ticket[0]);
        }
        return answer;
    }

    /** A write, whole or not at all; called with the write lock held. */
    private Document apply(String database, String command, Document query, Supplier<Document> action) {
        Document answer = action.get().cloneDeeply();
        if ("insert".equals(command)) {
            undoPartOfAFailedInsert(database, query, answer);
        }
        return answer;
    }

    /**
     * An ordered insert stops at its first error with the documents before it inserted: remove them, so that the
     * insert had no effect at all, and say so in the answer.
     */
    private void undoPartOfAFailedInsert(String database, Document query, Document answer) {
        Object errors = answer.get("writeErrors");
        if (!(errors instanceof List<?> writeErrors) || writeErrors.isEmpty()
            || Boolean.FALSE.equals(query.get("ordered"))) {
            return;
        }
        int failedAt = ((Number) ((Document) writeErrors.get(0)).get("index")).intValue();
        List<?> documents = (List<?>) query.get("documents");
        if (failedAt > 0 && documents != null) {
            List<Object> inserted = new ArrayList<>(failedAt);
            for (int i = 0; i < failedAt; i++) {
                inserted.add(((Document) documents.get(i)).get("_id"));
            }
            de.bwaldvogel.mongo.MongoCollection<?> collection =
                    delegate.resolveDatabase(database).resolveCollection((String) query.get("insert"), false);
            if (collection != null) {
                collection.deleteDocuments(new Document("_id", new Document("$in", inserted)), 0);
            }
        }
        answer.put("n", 0);
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return locked(writeLock, () -> delegate.handleQuery(query));
    }

    @Override
    public void handleClose(Channel channel) {
        locked(writeLock, () -> {
            delegate.handleClose(channel);
            return null;
        });
    }

    @Override
    public void dropDatabase(String database) {
        locked(writeLock, () -> {
            delegate.dropDatabase(database);
            return null;
        });
    }

    @Override
    public Collection<Document> getCurrentOperations(MongoQuery query) {
        return delegate.getCurrentOperations(query);
    }

    @Override
    public Document getServerStatus() {
        return delegate.getServerStatus();
    }

    @Override
    public void close() {
        // no version pin here: the store's close commits and checks that no reader holds an older version
        writeLock.lock();
        try {
            beforeClose.run();
            delegate.close();
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public void closeCursors(List<Long> cursorIds) {
        delegate.closeCursors(cursorIds);
    }

    @Override
    public Clock getClock() {
        return delegate.getClock();
    }

    @Override
    public void enableOplog() {
        delegate.enableOplog();
    }

    @Override
    public void disableOplog() {
        delegate.disableOplog();
    }

    @Override
    public MongoDatabase resolveDatabase(String database) {
        return delegate.resolveDatabase(database);
    }

    @Override
    public MongoBackend version(MongoVersion version) {
        delegate.version(version);
        return this;
    }
}
