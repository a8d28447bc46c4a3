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
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Makes the embedded server's writes atomic with respect to each other. mongo-java-server checks a unique index
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
 */
final class SerializedWritesBackend implements MongoBackend {

    private static final Set<String> READ_COMMANDS = Set.of(
            "find", "getMore", "count", "distinct", "listCollections", "listIndexes", "listDatabases", "ping",
            "isMaster", "ismaster", "hello", "buildInfo", "buildinfo", "serverStatus", "dbStats", "collStats",
            "whatsmyuri", "getParameter", "getLastError", "getlasterror", "connectionStatus", "hostInfo",
            "getCmdLineOpts", "getFreeMonitoringStatus", "killCursors", "endSessions");

    private final MongoBackend delegate;
    private final Supplier<Runnable> pin;
    private final Lock readLock;
    private final Lock writeLock;

    /** {@code pin} is called before each call; the Runnable it gives back is run once the call is over. */
    SerializedWritesBackend(MongoBackend delegate, Supplier<Runnable> pin) {
        this.delegate = delegate;
        this.pin = pin;
        ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        this.readLock = lock.readLock();
        this.writeLock = lock.writeLock();
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
        return locked(isRead(command, query) ? readLock : writeLock,
                      () -> delegate.handleCommand(channel, database, command, query).cloneDeeply());
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        Document query = message.getDocument();
        String command = query.keySet().iterator().next();
        return locked(isRead(command, query) ? readLock : writeLock,
                      () -> delegate.handleMessage(message).cloneDeeply());
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
