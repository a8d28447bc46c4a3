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

/**
 * An in-process MongoDB wire-protocol server (mongo-java-server), for machines with no MongoDB: the app's default
 * store and the tests' store. It has no transactions, which the event store and projections are built to live
 * without.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

    private static final Runnable NOTHING = () -> { };

    private final MongoBackend backend;
    private final MVStore mvStore;
    private final MongoServer server;
    private InetSocketAddress address;

    private EmbeddedMongoServer(MongoBackend backend, MVStore mvStore) {
        this.backend = backend;
        this.mvStore = mvStore;
        this.server = new MongoServer(new SerializedWritesBackend(backend, mvStore == null ? () -> NOTHING : () -> {
            MVStore.TxCounter usage = mvStore.registerVersionUsage();
            return () -> mvStore.deregisterVersionUsage(usage);
        }));
    }

    public static EmbeddedMongoServer inMemory() {
        return new EmbeddedMongoServer(new MemoryBackend(), null);
    }

    /**
     * A server whose data lives in one H2 MVStore file under {@code directory}. Compression and a high fill rate
     * keep the file close to the live data; writes are committed by the store's background writer every
     * {@code autoCommitDelayMillis} (and on close), which bounds what a hard crash can lose.
     */
    public static EmbeddedMongoServer persistent(Path directory, int autoCommitDelayMillis) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the embedded store directory " + directory, e);
        }
        Path file = directory.resolve("aam-store.mv.db");
        MVStore store = new MVStore.Builder()
                .fileName(file.toString())
                .compress()
                .autoCompactFillRate(90)
                .open();
        store.setAutoCommitDelay(autoCommitDelayMillis);
        log.info("Embedded MongoDB store in {}", file.toAbsolutePath());
        return new EmbeddedMongoServer(new H2Backend(store), store);
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

    @Override
    public void close() {
        server.shutdownNow();
        if (mvStore != null && !mvStore.isClosed()) {
            mvStore.close();
        }
        backend.close();
    }
}
