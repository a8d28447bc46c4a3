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
 * <b>Durable before answered.</b> With a {@link GroupCommit}, a write is answered only once the file holds it; the
 * commit runs between writes, never in the middle of one (the store's own background writer is off), so the file
 * never holds half a write.
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
    private final GroupCommit groupCommit;

    /** {@code pin} is called before each call; the Runnable it gives back is run once the call is over. */
    SerializedWritesBackend(MongoBackend delegate, Supplier<Runnable> pin) {
        this(delegate, pin, null, false);
    }

    /**
     * {@code store} commits and forces the file: writes are answered once durable ({@code force}: on the disk,
     * otherwise in the file); null when nothing is to be made durable (the memory backend, the delayed baseline).
     */
    SerializedWritesBackend(MongoBackend delegate, Supplier<Runnable> pin, GroupCommit.Store store, boolean force) {
        this(delegate, pin, store, force, new ReentrantReadWriteLock());
    }

    private SerializedWritesBackend(MongoBackend delegate, Supplier<Runnable> pin, GroupCommit.Store store,
                                    boolean force, ReentrantReadWriteLock lock) {
        this.delegate = delegate;
        this.pin = pin;
        this.readLock = lock.readLock();
        this.writeLock = lock.writeLock();
        // a commit holds the read side: it excludes writers (so it captures whole writes), not readers
        this.groupCommit = store == null ? null : new GroupCommit(store, lock.readLock(), force);
    }

    /** Runs {@code action} while no write is in progress (store housekeeping that must see whole writes). */
    void betweenWrites(Runnable action) {
        readLock.lock();
        try {
            action.run();
        } finally {
            readLock.unlock();
        }
    }

    long fileCommits() {
        return groupCommit == null ? 0 : groupCommit.commits();
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
        if (isRead(command, query)) {
            Document answer = locked(readLock, () -> action.get().cloneDeeply());
            if (HELLO_COMMANDS.contains(command)) {
                answer.put(ATOMIC_INSERTS, Boolean.TRUE);
            }
            return answer;
        }
        long ticket;
        Document answer;
        writeLock.lock();
        Runnable release = pin.get();
        try {
            answer = action.get().cloneDeeply();
            if ("insert".equals(command)) {
                undoPartOfAFailedInsert(database, query, answer);
            }
            ticket = groupCommit == null ? 0 : groupCommit.written();
        } finally {
            release.run();
            writeLock.unlock();
        }
        if (groupCommit != null) {
            groupCommit.awaitDurable(ticket);
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
        locked(writeLock, () -> {
            delegate.close();
            return null;
        });
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
