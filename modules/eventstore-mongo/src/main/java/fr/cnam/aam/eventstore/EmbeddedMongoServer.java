package fr.cnam.aam.eventstore;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.h2.mvstore.MVMap;
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
 * without; it makes each write atomic and, on a file, durable before answering it ({@link SerializedWritesBackend},
 * {@link WriteAheadJournal}).
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

    private static final Runnable NOTHING = () -> { };

    /** How often the store's file is committed (a checkpoint): what the journal must hold, and replay at start. */
    static final long CHECKPOINT_MILLIS = 1_000;
    /** Every this many checkpoints, partly empty chunks of the file are rewritten (its background writer did). */
    private static final int COMPACT_EVERY_CHECKPOINTS = 10;
    private static final int COMPACT_TARGET_FILL_RATE = 90;
    private static final int COMPACT_MAX_BYTES_PER_ROUND = 16 << 20;
    /** The map, beside the databases' own, where the file notes the last journal record it holds. */
    private static final String JOURNAL_MAP = "aam-journal";
    private static final String CHECKPOINT_KEY = "checkpoint";

    private final MongoBackend backend;
    private final MVStore mvStore;
    private final SerializedWritesBackend serialized;
    private final WriteAheadJournal journal;
    private final MongoServer server;
    private final ScheduledExecutorService housekeeping;
    private InetSocketAddress address;
    private int checkpoints;

    private final long checkpointMillis;

    private EmbeddedMongoServer(MongoBackend backend, MVStore mvStore, Path directory, Durability durability,
                                long checkpointMillis) {
        this.checkpointMillis = checkpointMillis;
        this.backend = backend;
        this.mvStore = mvStore;
        Supplier<Runnable> pin = mvStore == null ? () -> NOTHING : () -> {
            MVStore.TxCounter usage = mvStore.registerVersionUsage();
            return () -> mvStore.deregisterVersionUsage(usage);
        };
        this.serialized = new SerializedWritesBackend(backend, pin);
        boolean journaled = mvStore != null && durability != Durability.DELAYED;
        this.journal = journaled ? recover(directory, durability) : null;
        this.server = new MongoServer(serialized);
        this.housekeeping = journaled ? startHousekeeping() : null;
    }

    /**
     * Brings the store to the last answered write: the file opens at its last checkpoint, the journal's later
     * records are applied again; then a checkpoint holds them all and the journal starts afresh.
     */
    private WriteAheadJournal recover(Path directory, Durability durability) {
        MVMap<String, Long> marks = mvStore.openMap(JOURNAL_MAP);
        long checkpoint = marks.getOrDefault(CHECKPOINT_KEY, 0L);
        long[] replayed = {0};
        long last = WriteAheadJournal.replay(directory, checkpoint, entry -> {
            serialized.reapply(entry);
            replayed[0]++;
        });
        if (replayed[0] > 0) {
            log.info("Embedded store recovered {} journaled writes after its checkpoint {}", replayed[0], checkpoint);
        }
        WriteAheadJournal recovered = new WriteAheadJournal(directory, durability == Durability.SYNC, last);
        serialized.journalTo(recovered);
        // closing commits the whole file: it then holds every journaled write, and must say so
        serialized.beforeClose(() -> marks.put(CHECKPOINT_KEY, recovered.lastAppended()));
        checkpoint(false);
        return recovered;
    }

    /** Commits the file between writes, noting the journal record it reaches, and forces it (see the backend). */
    private void checkpoint(boolean compact) {
        checkpoint(compact ? () -> mvStore.compact(COMPACT_TARGET_FILL_RATE, COMPACT_MAX_BYTES_PER_ROUND) : NOTHING,
                   NOTHING);
    }

    /** As above, with housekeeping before the commit and after it (both between writes). */
    private void checkpoint(Runnable before, Runnable after) {
        MVMap<String, Long> marks = mvStore.openMap(JOURNAL_MAP);
        serialized.checkpoint(sequence -> {
            before.run();
            marks.put(CHECKPOINT_KEY, sequence);
            mvStore.commit();
            after.run();
        }, mvStore::sync);
    }

    private ScheduledExecutorService startHousekeeping() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "embedded-store-checkpoint");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                if (!mvStore.isClosed()) {
                    checkpoint(++checkpoints % COMPACT_EVERY_CHECKPOINTS == 0);
                }
            } catch (RuntimeException e) {
                log.error("Embedded store checkpoint failed: the store stops, restart the application", e);
            }
        }, checkpointMillis, checkpointMillis, TimeUnit.MILLISECONDS);
        return executor;
    }

    public static EmbeddedMongoServer inMemory() {
        return new EmbeddedMongoServer(new MemoryBackend(), null, null, Durability.DELAYED, 0);
    }

    /** A file store that answers each write once it is on the disk (see {@link Durability#SYNC}). */
    public static EmbeddedMongoServer persistent(Path directory) {
        return persistent(directory, Durability.SYNC, 0);
    }

    /**
     * A server whose data lives in one H2 MVStore file under {@code directory}, beside its journal. Compression
     * and a high fill rate keep the file close to the live data. With {@link Durability#SYNC} or
     * {@link Durability#WRITE} a write is answered once journaled and the file is committed every second between
     * writes; with {@link Durability#DELAYED} the store's background writer commits every
     * {@code delayedCommitMillis}, and a hard crash loses what was answered since.
     */
    public static EmbeddedMongoServer persistent(Path directory, Durability durability, int delayedCommitMillis) {
        return persistent(directory, durability, delayedCommitMillis, CHECKPOINT_MILLIS);
    }

    /** As above, checkpointing every {@code checkpointMillis} (tests: rarely, so that a crash leaves a journal). */
    static EmbeddedMongoServer persistent(Path directory, Durability durability, int delayedCommitMillis,
                                          long checkpointMillis) {
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
            // neither the background writer nor a writer thread over its buffer may commit (it could commit half
            // a write): only the checkpoint does, between writes
            builder.autoCommitDisabled().autoCommitBufferSize(0);
        }
        MVStore store = builder.open();
        if (durability == Durability.DELAYED) {
            store.setAutoCommitDelay(delayedCommitMillis);
        }
        log.info("Embedded MongoDB store in {} (durability {})", file.toAbsolutePath(), durability);
        return new EmbeddedMongoServer(new H2Backend(store), store, directory, durability, checkpointMillis);
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

    /** Writes pending changes and rewrites the file down to its live data, between writes. */
    public void compact(int maxCompactMillis) {
        if (mvStore != null && !mvStore.isClosed()) {
            checkpoint(NOTHING, () -> mvStore.compactFile(maxCompactMillis));
        }
    }

    /** How many times the journal was forced (each time for every write waiting then: group commit). */
    public long journalForces() {
        return serialized.journalForces();
    }

    /**
     * Stops as a killed process would: the file is closed without writing anything pending (tests of durability;
     * a real kill is tested with a child process in the app's tests).
     */
    void crash() {
        if (housekeeping != null) {
            housekeeping.shutdownNow();
        }
        if (mvStore != null && !mvStore.isClosed()) {
            mvStore.closeImmediately(); // first: the server's shutdown would close the store cleanly
        }
        if (journal != null) {
            journal.close();
        }
        try {
            server.shutdownNow();
        } catch (RuntimeException | AssertionError storeAlreadyGone) {
            // the store is closed under the server's feet, as in a crash
        }
    }

    @Override
    public void close() {
        if (housekeeping != null) {
            // not shutdownNow: an interrupt in the middle of file I/O closes H2's channel and the store panics
            housekeeping.shutdown();
            try {
                housekeeping.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // closes the backend, which notes the last journaled write in the file (beforeClose) and commits it
        server.shutdownNow();
        if (journal != null) {
            journal.close();
        }
        if (mvStore != null && !mvStore.isClosed()) {
            mvStore.close();
        }
        backend.close();
    }
}
