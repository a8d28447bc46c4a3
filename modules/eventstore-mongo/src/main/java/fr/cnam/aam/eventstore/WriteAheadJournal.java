package fr.cnam.aam.eventstore;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The embedded file store's write-ahead journal: every write command, in the order the server applied them, is
 * appended to a file and forced to the disk before the write is answered. Forcing is grouped: the first writer to
 * wait writes and forces every record waiting at that moment, the others wait for it or lead the next round, so
 * under load one force serves many writes.
 * <p>
 * The store's own file is committed rarely, between writes (a checkpoint), with the sequence number of the last
 * record it holds; records up to it are then no longer needed and their journal files are deleted. After a crash,
 * the store opens at its last checkpoint and the journal's later records are applied again, in order: the state of
 * every answered write comes back. A record cut short by the crash (its writer was never answered) ends the
 * journal — its checksum does not match.
 * <p>
 * Why not commit the store's file for each group of writes: H2's file is copy-on-write, and each commit rewrites
 * the path to the root of every changed tree; measured here, committing per group cut the command rate by two
 * thirds under eight writers and grew the file sevenfold (15 KB per event). An append to a journal costs the
 * record only.
 * <p>
 * A failure to write or force stops the journal for good: after a failed fsync a later one that succeeds does not
 * prove the earlier pages reached the disk. The process must restart; it recovers from the last good state.
 */
final class WriteAheadJournal {

    /** One write command as the server received it. */
    record Entry(long sequence, String database, String command, Document query) {
    }

    private static final String PREFIX = "journal-";
    private static final String SUFFIX = ".log";
    private static final int HEADER_BYTES = Integer.BYTES + Long.BYTES + Integer.BYTES;

    private final Path directory;
    private final boolean force;

    // all below guarded by this
    private FileChannel channel;
    private Path file;
    private final List<ByteBuffer> pending = new ArrayList<>();
    private long lastAppended;
    private long durable;
    private long checkpointed;
    private boolean flushing;
    private FileChannel flushingChannel;
    private long forces;
    private RuntimeException failed;

    /** A journal continuing after {@code lastSequence} (the store's checkpoint, or the last record replayed). */
    WriteAheadJournal(Path directory, boolean force, long lastSequence) {
        this.directory = directory;
        this.force = force;
        this.lastAppended = lastSequence;
        this.durable = lastSequence;
        this.checkpointed = lastSequence;
        openFile(lastSequence + 1);
    }

    /**
     * Applies, in order, the records after {@code checkpoint} found in {@code directory}; returns the sequence of
     * the last one (or {@code checkpoint}). Stops at the first record cut short.
     */
    static long replay(Path directory, long checkpoint, Consumer<Entry> apply) {
        long last = checkpoint;
        for (Path journal : journalFiles(directory)) {
            try (FileChannel in = FileChannel.open(journal, StandardOpenOption.READ)) {
                ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
                while (true) {
                    header.clear();
                    if (readFully(in, header) < HEADER_BYTES) {
                        break;
                    }
                    header.flip();
                    int length = header.getInt();
                    long sequence = header.getLong();
                    int checksum = header.getInt();
                    if (length <= 0 || length > in.size()) {
                        return last;
                    }
                    ByteBuffer body = ByteBuffer.allocate(length);
                    if (readFully(in, body) < length || checksum(body.array()) != checksum) {
                        return last; // cut short by the crash: never answered, and nothing after it was either
                    }
                    if (sequence <= last) {
                        continue; // already in the store (or a record written twice around a checkpoint)
                    }
                    Document record = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(body.array()));
                    apply.accept(new Entry(sequence, (String) record.get("db"), (String) record.get("cmd"),
                                           (Document) record.get("q")));
                    last = sequence;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the embedded store's journal " + journal, e);
            }
        }
        return last;
    }

    /** Adds a write applied by the server; called in the order of application (under the server's write lock). */
    synchronized long append(String database, String command, Document query) {
        checkUsable();
        ByteBuf encoded = Unpooled.buffer();
        BsonEncoder.encodeDocument(new Document("db", database).append("cmd", command).append("q", query), encoded);
        byte[] body = new byte[encoded.readableBytes()];
        encoded.readBytes(body);
        long sequence = ++lastAppended;
        ByteBuffer record = ByteBuffer.allocate(HEADER_BYTES + body.length);
        record.putInt(body.length).putLong(sequence).putInt(checksum(body)).put(body).flip();
        pending.add(record);
        return sequence;
    }

    /** Returns once the record {@code sequence} is in the journal file (on the disk when forcing). */
    void awaitDurable(long sequence) {
        List<ByteBuffer> batch;
        FileChannel target;
        long batchLast;
        synchronized (this) {
            while (true) {
                checkUsable();
                if (durable >= sequence) {
                    return;
                }
                if (!flushing && sequence > checkpointed) {
                    break; // the record is still pending: lead a round
                }
                // a round in progress may hold it, or a checkpoint took it and will make it durable
                waitQuietly();
            }
            flushing = true;
            batch = new ArrayList<>(pending);
            pending.clear();
            batchLast = lastAppended;
            target = channel;
            flushingChannel = target;
        }
        boolean done = false;
        try {
            for (ByteBuffer record : batch) {
                while (record.hasRemaining()) {
                    target.write(record);
                }
            }
            if (force) {
                target.force(false);
            }
            done = true;
        } catch (IOException | RuntimeException e) {
            synchronized (this) {
                failed = new IllegalStateException("the embedded store could not write its journal and stopped; "
                                                   + "restart the application (it recovers from its files)", e);
            }
            throw failed;
        } finally {
            synchronized (this) {
                if (done) {
                    durable = Math.max(durable, batchLast);
                    forces++;
                }
                flushing = false;
                flushingChannel = null;
                notifyAll();
            }
        }
    }

    synchronized long lastAppended() {
        return lastAppended;
    }

    /**
     * The store now holds every record up to {@code sequence} in its file (committed between writes; not yet
     * forced). Later records go to a new journal file; the records still waiting to be written are dropped, the
     * store's commit having them.
     */
    synchronized FileChannel rotate(long sequence) {
        FileChannel retired = channel;
        pending.clear();
        checkpointed = sequence;
        openFile(sequence + 1);
        return retired;
    }

    /**
     * The store's checkpoint at {@code sequence} is on the disk: records up to it are durable there; the journal
     * files that held only them are closed and deleted.
     */
    void checkpointDurable(long sequence, FileChannel retired) {
        synchronized (this) {
            durable = Math.max(durable, sequence);
            notifyAll();
            while (flushing && flushingChannel == retired) {
                waitQuietly();
            }
        }
        try {
            retired.close();
            for (Path old : journalFiles(directory)) {
                if (!old.equals(currentFile())) {
                    Files.deleteIfExists(old);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the embedded store's old journal files", e);
        }
    }

    synchronized void fail(RuntimeException cause) {
        if (failed == null) {
            failed = new IllegalStateException("the embedded store could not checkpoint and stopped; restart the "
                                               + "application (it recovers from its files)", cause);
        }
        notifyAll();
    }

    /** Throws once the journal has failed: the store takes no more calls until the process restarts. */
    synchronized void checkUsable() {
        if (failed != null) {
            throw failed;
        }
    }

    /** How many times the journal was written and forced (each round serves every record waiting). */
    synchronized long forces() {
        return forces;
    }

    synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized Path currentFile() {
        return file;
    }

    private void openFile(long firstSequence) {
        file = directory.resolve(PREFIX + String.format("%020d", firstSequence) + SUFFIX);
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                                       StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the embedded store's journal " + file, e);
        }
    }

    private void waitQuietly() {
        try {
            wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the journal", e);
        }
    }

    private static List<Path> journalFiles(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().startsWith(PREFIX)
                                     && p.getFileName().toString().endsWith(SUFFIX))
                        .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the embedded store's journal in " + directory, e);
        }
    }

    private static int readFully(FileChannel in, ByteBuffer into) throws IOException {
        int total = 0;
        while (into.hasRemaining()) {
            int read = in.read(into);
            if (read < 0) {
                break;
            }
            total += read;
        }
        return total;
    }

    private static int checksum(byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        return (int) crc.getValue();
    }
}
