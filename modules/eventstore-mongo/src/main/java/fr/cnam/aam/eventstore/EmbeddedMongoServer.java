package fr.cnam.aam.eventstore;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * An in-process MongoDB wire-protocol server (mongo-java-server), for machines with no MongoDB: the app's default
 * store and the tests' store. It has no transactions, which the event store and projections are built to live
 * without; it makes each write atomic and, on a file, durable before answering it ({@link SerializedWritesBackend}).
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

    private static final Runnable NOTHING = () -> { };

    /** How often the file is tidied (partly empty chunks rewritten) when the store's own background writer is off. */
    private static final long HOUSEKEEPING_SECONDS = 10;
    private static final int COMPACT_TARGET_FILL_RATE = 90;
    private static final int COMPACT_MAX_BYTES_PER_ROUND = 16 << 20;

    private final MongoBackend backend;
    private final MVStore mvStore;
    private final SerializedWritesBackend serialized;
    private final MongoServer server;
    private final ScheduledExecutorService housekeeping;
    private InetSocketAddress address;

    private EmbeddedMongoServer(MongoBackend backend, MVStore mvStore, Durability durability) {
        this.backend = backend;
        this.mvStore = mvStore;
        Supplier<Runnable> pin = mvStore == null ? () -> NOTHING : () -> {
            MVStore.TxCounter usage = mvStore.registerVersionUsage();
            return () -> mvStore.deregisterVersionUsage(usage);
        };
        boolean grouped = mvStore != null && durability != Durability.DELAYED;
        this.serialized = grouped
                ? new SerializedWritesBackend(backend, pin, new GroupCommit.Store() {
                    @Override
                    public void commit() {
                        mvStore.commit();
                    }

                    @Override
                    public void force() {
                        mvStore.sync();
                    }
                }, durability == Durability.SYNC)
                : new SerializedWritesBackend(backend, pin);
        this.server = new MongoServer(serialized);
        this.housekeeping = grouped ? startHousekeeping() : null;
    }

    /**
     * The store's background writer is off (it would commit in the middle of a write), and with it its compaction:
     * this does it instead, between writes.
     */
    private ScheduledExecutorService startHousekeeping() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "embedded-store-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                if (!mvStore.isClosed()) {
                    serialized.betweenWrites(() -> {
                        mvStore.compact(COMPACT_TARGET_FILL_RATE, COMPACT_MAX_BYTES_PER_ROUND);
                        mvStore.commit();
                    });
                }
            } catch (RuntimeException e) {
                log.warn("Embedded store housekeeping failed; it will be tried again", e);
            }
        }, HOUSEKEEPING_SECONDS, HOUSEKEEPING_SECONDS, TimeUnit.SECONDS);
        return executor;
    }

    public static EmbeddedMongoServer inMemory() {
        return new EmbeddedMongoServer(new MemoryBackend(), null, Durability.DELAYED);
    }

    /** A file store that answers each write once it is on the disk (see {@link Durability#SYNC}). */
    public static EmbeddedMongoServer persistent(Path directory) {
        return persistent(directory, Durability.SYNC, 0);
    }

    /**
     * A server whose data lives in one H2 MVStore file under {@code directory}. Compression and a high fill rate
     * keep the file close to the live data. With {@link Durability#SYNC} or {@link Durability#WRITE} a write is
     * answered once committed to the file (grouped with the writes waiting at the same time) and the store never
     * commits on its own; with {@link Durability#DELAYED} the store's background writer commits every
     * {@code delayedCommitMillis}, and a hard crash loses what was answered since.
     */
    public static EmbeddedMongoServer persistent(Path directory, Durability durability, int delayedCommitMillis) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the embedded store directory " + directory, e);
        }
        Path file = directory.resolve("aam-store.mv.db");
        MVStore.Builder builder = new MVStore.Builder()
                .fileName(file.toString())
                .compress()
                .autoCompactFillRate(COMPACT_TARGET_FILL_RATE);
        if (durability != Durability.DELAYED) {
            // neither the background writer nor a writer thread over its buffer may commit: only GroupCommit does
            builder.autoCommitDisabled().autoCommitBufferSize(0);
        }
        MVStore store = builder.open();
        if (durability == Durability.DELAYED) {
            store.setAutoCommitDelay(delayedCommitMillis);
        }
        log.info("Embedded MongoDB store in {} (durability {})", file.toAbsolutePath(), durability);
        return new EmbeddedMongoServer(new H2Backend(store), store, durability);
    }

    public EmbeddedMongoServer start(String host, int port) {
        server.bind(host, port);
        address = server.getLocalAddress();
        log.info("Embedded MongoDB wire-protocol server listening on {}", connectionString());
        return this;
    }

    public String connectionString() {
        if (address == null) {
            throw new IllegalStateException("The embedded server is not started");
        }
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    public int port() {
        return address.getPort();
    }

    /** Size in bytes of the store file, or -1 for the memory backend. */
    public long storeFileBytes() {
        return mvStore == null || mvStore.getFileStore() == null ? -1 : mvStore.getFileStore().size();
    }

    /** Writes pending changes and rewrites the file down to its live data. */
    public void compact(int maxCompactMillis) {
        if (mvStore != null && !mvStore.isClosed()) {
            mvStore.commit();
            mvStore.compactFile(maxCompactMillis);
        }
    }

    /** File commits made so far by group commit (each serves every write waiting at that moment). */
    public long fileCommits() {
        return serialized.fileCommits();
    }

    /**
     * Stops as a killed process would: the file is closed without writing anything pending (tests of durability;
     * a real kill is tested with a child process in the app's tests).
     */
    void crash() {
        if (housekeeping != null) {
            housekeeping.shutdownNow();
        }
        server.shutdownNow();
        if (mvStore != null && !mvStore.isClosed()) {
            mvStore.closeImmediately();
        }
    }

    @Override
    public void close() {
        if (housekeeping != null) {
            housekeeping.shutdownNow();
        }
        server.shutdownNow();
        if (mvStore != null && !mvStore.isClosed()) {
            mvStore.close();
        }
        backend.close();
    }
}
