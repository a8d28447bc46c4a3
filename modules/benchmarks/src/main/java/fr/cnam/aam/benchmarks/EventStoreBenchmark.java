package fr.cnam.aam.benchmarks;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import fr.cnam.aam.app.AamApplication;
import fr.cnam.aam.contracting.api.AmendContractCommand;
import fr.cnam.aam.contracting.api.SignContractCommand;
import fr.cnam.aam.eligibility.api.AssessEligibilityCommand;
import fr.cnam.aam.eligibility.api.DoctorDeclaration;
import fr.cnam.aam.kernel.Rpps;
import fr.cnam.aam.eventstore.EmbeddedMongoServer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Appends events through the command gateway with 1 and then 8 client threads, replays them through a pooled
 * processor (one that only counts, then the real contract projection), and reads the same events with the bare
 * driver. Usage: {@code java -jar modules/benchmarks/target/benchmarks-exec.jar [events] [file|memory]
 * [durabilities] [--property=value…]}, where {@code durabilities} lists the file store's durability modes to run one
 * after the other in the same run, each on a new store (e.g. {@code DELAYED,SYNC}: the baseline that answered before
 * the write was in the file, then the default), and prints their figures side by side.
 */
public final class EventStoreBenchmark {

    private static final String[] OPTIONS = {"HALF_TIME", "FULL_TIME"};
    private static final int EVENTS_PER_CONTRACT = 4;
    private static final java.util.concurrent.atomic.AtomicLong DOCTOR_NUMBERS =
            new java.util.concurrent.atomic.AtomicLong(1_000_000_000L);

    private EventStoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        AamApplication.disableVendorUpdateCheck();
        List<String> positional = Arrays.stream(args).filter(a -> !a.startsWith("--")).toList();
        int events = positional.size() > 0 ? Integer.parseInt(positional.get(0)) : 100_000;
        String backend = positional.size() > 1 ? positional.get(1) : "file";
        List<String> durabilities = positional.size() > 2 ? List.of(positional.get(2).split(",")) : List.of("SYNC");
        List<Figures> all = new ArrayList<>();
        for (String durability : durabilities) {
            Path directory = Files.createTempDirectory("aam-benchmark");
            List<String> appArgs = new ArrayList<>(List.of("--spring.main.web-application-type=none",
                                                           "--aam.store.embedded.backend=" + backend,
                                                           "--aam.store.embedded.directory=" + directory,
                                                           "--aam.store.embedded.durability=" + durability,
                                                           "--logging.level.root=WARN"));
            // any --property=value is handed to the app, e.g. --aam.axon.storage-batch-size=100
            Arrays.stream(args).filter(a -> a.startsWith("--")).forEach(appArgs::add);
            ConfigurableApplicationContext app = new SpringApplicationBuilder(AamApplication.class,
                                                                              ReplayCounter.class)
                    .run(appArgs.toArray(String[]::new));
            try {
                System.out.printf(Locale.ROOT, "%n=== durability %s ===%n", durability);
                all.add(run(app, events, backend, durability));
            } finally {
                app.close();
            }
        }
        if (all.size() > 1) {
            Figures.printSideBySide(all);
        }
        System.exit(0);
    }

    private static Figures run(ConfigurableApplicationContext app, int events, String backend, String durability)
            throws Exception {
        CommandGateway gateway = app.getBean(CommandGateway.class);
        EventProcessingConfiguration processing = app.getBean(EventProcessingConfiguration.class);
        StreamingEventProcessor counter = processor(processing, ReplayCounter.GROUP);
        StreamingEventProcessor contracts = processor(processing, "contracts");
        // the write phase measures commands only; the processors replay afterwards
        counter.shutDown();
        contracts.shutDown();

        System.out.printf(Locale.ROOT, "Event store benchmark: %,d events, embedded server, %s backend, %d cores%n",
                          events, backend, Runtime.getRuntime().availableProcessors());
        int half = events / 2;
        double[] single = commands(gateway, half, 1, "single");
        double[] eight = commands(gateway, events - half, 8, "eight");

        EventStore store = app.getBean(EventStore.class);
        // the policies (payments, calendars) and projections finish what the commands set off: the replays below
        // then have the machine to themselves, and read the whole history
        long settling = System.nanoTime();
        long head = settle(processing, store, counter, contracts);
        System.out.printf(Locale.ROOT, "processors caught up with the commands after %.1f s more (%,d events)%n",
                          (System.nanoTime() - settling) / 1e9, head);
        EmbeddedMongoServer server = app.getBean(EmbeddedMongoServer.class);
        long bytes = server.storeFileBytes();
        if (bytes > 0) {
            server.compact(60_000);
            long compacted = server.storeFileBytes();
            System.out.printf(Locale.ROOT, "store file: %,d bytes (%,d bytes/event); after compaction %,d bytes "
                                           + "(%,d bytes/event)%n", bytes, bytes / head, compacted, compacted / head);
        }

        double engineRate = engineRead(store, head);
        double counted = replay(counter, head, "replay, counting processor");
        double projected = replay(contracts, head, "replay, contract projection");
        double raw = rawRead(app.getBean(MongoClient.class), head);
        rawKeyRead(app.getBean(MongoClient.class), head, 500);
        System.out.printf(Locale.ROOT, "ratio to raw: event store stream %.0f %%, counting processor %.0f %%, "
                                       + "contract projection %.0f %%%n",
                          100 * engineRate / raw, 100 * counted / raw, 100 * projected / raw);
        return new Figures(durability, head, single, eight, engineRate, counted, projected, raw,
                           server.journalForces());
    }

    /** Waits until every running processor has reached the head and the head no longer moves; returns it. */
    private static long settle(EventProcessingConfiguration processing, EventStore store,
                               StreamingEventProcessor... stopped) throws InterruptedException {
        List<StreamingEventProcessor> running = processing.eventProcessors().values().stream()
                .filter(p -> p instanceof StreamingEventProcessor).map(p -> (StreamingEventProcessor) p)
                .filter(p -> Arrays.stream(stopped).noneMatch(s -> s == p)).toList();
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (System.nanoTime() < deadline) {
            long head = store.createHeadToken().position().orElse(0);
            boolean caughtUp = running.stream().allMatch(p -> position(p) >= head);
            Thread.sleep(500);
            if (caughtUp && store.createHeadToken().position().orElse(0) == head) {
                return head;
            }
        }
        throw new IllegalStateException("the processors did not catch up in 10 minutes");
    }

    private static StreamingEventProcessor processor(EventProcessingConfiguration processing, String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
    }

    /** Returns commands/s, p50 and p99 in milliseconds. */
    private static double[] commands(CommandGateway gateway, int total, int threads, String label)
            throws Exception {
        int perThread = total / threads;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<long[]>> results = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            String prefix = label + "-" + t;
            results.add(pool.submit(() -> clientThread(gateway, prefix, perThread)));
        }
        long[] latencies = new long[perThread * threads];
        int i = 0;
        for (Future<long[]> result : results) {
            long[] part = result.get();
            System.arraycopy(part, 0, latencies, i, part.length);
            i += part.length;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Arrays.sort(latencies);
        System.out.printf(Locale.ROOT, "commands, %d thread(s): %,d in %.1f s = %,.0f commands/s; "
                                       + "latency p50 %.2f ms, p99 %.2f ms%n",
                          threads, latencies.length, seconds, latencies.length / seconds,
                          latencies[latencies.length / 2] / 1e6, latencies[(int) (latencies.length * 0.99)] / 1e6);
        return new double[] {latencies.length / seconds, latencies[latencies.length / 2] / 1e6,
                             latencies[(int) (latencies.length * 0.99)] / 1e6};
    }

    /**
     * One contract after another: the doctor's eligibility assessment and the signature relying on it (counted
     * together as the first command), then avenants switching the option back and forth.
     */
    private static long[] clientThread(CommandGateway gateway, String prefix, int count) {
        long[] latencies = new long[count];
        String id = null;
        for (int i = 0; i < count; i++) {
            int step = i % EVENTS_PER_CONTRACT;
            long start = System.nanoTime();
            if (step == 0) {
                // a doctor of its own for each contract (one active contract per doctor), assessed first
                id = "Contract:" + prefix + "-" + i;
                String rpps = Rpps.withCheckDigit(Long.toString(DOCTOR_NUMBERS.getAndIncrement())).value();
                String assessment = "Assessment:" + prefix + "-" + i;
                gateway.sendAndWait(new AssessEligibilityCommand(assessment, rpps, "751", LocalDate.of(2023, 5, 15),
                        new DoctorDeclaration("MEDECINE_GENERALE", "SECTOR_1", 1300, 2000, null, "75", false, true,
                                              true, false, false, false, null, 50)));
                gateway.sendAndWait(new SignContractCommand(id, assessment, rpps, "751", "75", "FULL_TIME",
                                                            "P70_P90", 1300, 2000, LocalDate.of(2023, 6, 1)));
            } else {
                gateway.sendAndWait(new AmendContractCommand(id, "AV-" + step, OPTIONS[(step - 1) % 2],
                                                             LocalDate.of(2024, 1, step), null));
            }
            latencies[i] = System.nanoTime() - start;
        }
        return latencies;
    }

    /**
     * Resets the processor and waits until it reaches the head. The rate is counted from the first event handled:
     * before it, the processor is claiming its segments (one claim round per token claim interval).
     */
    private static double replay(StreamingEventProcessor processor, long head, String label) throws Exception {
        processor.resetTokens();
        long start = System.nanoTime();
        processor.start();
        long firstProgressAt = 0;
        long firstPosition = 0;
        long deadline = start + 600_000_000_000L;
        long position;
        while ((position = position(processor)) < head) {
            if (firstProgressAt == 0 && position > 0) {
                firstProgressAt = System.nanoTime();
                firstPosition = position;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(label + " did not reach the head in 10 minutes: "
                                                + processor.processingStatus());
            }
            Thread.sleep(5);
        }
        long end = System.nanoTime();
        if (firstProgressAt == 0) {
            firstProgressAt = start;
        }
        double total = (end - start) / 1e9;
        double running = (end - firstProgressAt) / 1e9;
        double rate = (head - firstPosition) / running;
        System.out.printf(Locale.ROOT, "%s: %,d events in %.1f s from start (%.1f s claiming segments) "
                                       + "= %,.0f events/s once running%n",
                          label, head, total, (firstProgressAt - start) / 1e9, rate);
        processor.shutDown();
        return rate;
    }

    private static long position(StreamingEventProcessor processor) {
        var status = processor.processingStatus();
        if (status.isEmpty()) {
            return 0;
        }
        return status.values().stream().mapToLong(s -> s.getCurrentPosition().orElse(0L)).min().orElse(0L);
    }

    /** The store's own tracking stream, deserializing every payload, with no processor around it. */
    private static double engineRead(EventStore store, long head) {
        long start = System.nanoTime();
        long read;
        try (var stream = store.openStream(null)) {
            read = 0;
            while (read < head && stream.hasNextAvailable()) {
                stream.nextAvailable().getPayload();
                read++;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = read / seconds;
        System.out.printf(Locale.ROOT, "event store tracking stream: %,d events in %.1f s = %,.0f events/s%n",
                          read, seconds, rate);
        return rate;
    }

    /** The bare driver reading the events the way the store's tracking reads do: batches of _id keys. */
    private static void rawKeyRead(MongoClient client, long head, int batch) {
        MongoCollection<Document> events = client.getDatabase("aam").getCollection("domain_events");
        long start = System.nanoTime();
        long read = 0;
        for (long from = 1; from <= head; from += batch) {
            List<Long> keys = new ArrayList<>(batch);
            for (long i = from; i < from + batch && i <= head; i++) {
                keys.add(i);
            }
            read += events.find(com.mongodb.client.model.Filters.in("_id", keys)).into(new ArrayList<>()).size();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "raw driver read by _id batches of %d: %,d events in %.1f s = %,.0f events/s%n",
                          batch, read, seconds, read / seconds);
    }

    private static double rawRead(MongoClient client, long expected) {
        MongoCollection<Document> events = client.getDatabase("aam").getCollection("domain_events");
        long start = System.nanoTime();
        long read = 0;
        try (MongoCursor<Document> cursor = events.find().batchSize(1000).iterator()) {
            while (cursor.hasNext()) {
                cursor.next();
                read++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = read / seconds;
        System.out.printf(Locale.ROOT, "raw driver read: %,d events (expected %,d) in %.1f s = %,.0f events/s%n",
                          read, expected, seconds, rate);
        return rate;
    }
}
