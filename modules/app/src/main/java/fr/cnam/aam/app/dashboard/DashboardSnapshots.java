package fr.cnam.aam.app.dashboard;

import fr.cnam.aam.app.dashboard.DashboardRows.ContractRow;
import fr.cnam.aam.app.dashboard.DashboardRows.DeadlineRow;
import fr.cnam.aam.app.dashboard.DashboardRows.LineRow;
import jakarta.annotation.PreDestroy;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Keeps the dashboards' figures loaded: a background task reloads the three projections they read (contracts of
 * the dashboard, the payment ledger, the assistants) when the event store has moved, once more after it stops
 * moving (projections follow the head by a moment), once a rebuild is over, and every
 * {@code aam.dashboard.reload-every-seconds} anyway (another instance may be the one running the projections).
 * While one of them is being rebuilt, the last complete figures stay (a half-built projection would show half the
 * scheme). A request never waits for a reload, except the very first; a reload that finds other figures starts a
 * new generation and tells the listeners (the live stream), outside the lock.
 */
@Component
class DashboardSnapshots {

    /** The projections read, by the processing groups that keep them. */
    static final Set<String> GROUPS = Set.of(DashboardProjection.GROUP, "payment-ledger", "assistants");
    // collections of the payment ledger (payments-core) and of the assistant views (employment-core)
    private static final String LINES = "payment_lines";
    private static final String ASSISTANTS = "assistant_views";
    private static final String[] CONTRACT_FIELDS = {"caisseCode", "departement", "specialty", "option",
            "regulatoryVersion", "status", "signedOn", "startsOn", "endsOn", "lastDay", "suspendedFrom",
            "resumedFrom", "suspensionReason", "options", "versions", "evaluations", "etps", "seq"};
    private static final String[] LINE_FIELDS = {"contractId", "caisseCode", "kind", "status", "dueDate",
            "amountCents", "orderId", "orderedOn", "orderedCents", "paidOn", "paidCents"};
    private static final String[] ASSISTANT_FIELDS = {"caisseCode", "contractIds", "status", "deadlines", "version"};
    private static final Logger LOG = LoggerFactory.getLogger(DashboardSnapshots.class);

    private final MongoTemplate mongo;
    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    private final long tickMillis;
    private final long reloadEveryMillis;
    private final int pageSize;
    private final AtomicReference<DashboardSnapshot> current = new AtomicReference<>();
    private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService reloader = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "dashboard-reloader");
        thread.setDaemon(true);
        return thread;
    });
    private long lastHead = -1;
    private boolean trailing;
    private boolean wasRebuilding;
    private long lastReloadNanos;
    private long lastFingerprint;

    DashboardSnapshots(MongoTemplate mongo, EventStore eventStore, EventProcessingConfiguration processing,
                       @Value("${aam.dashboard.tick-millis:1000}") long tickMillis,
                       @Value("${aam.dashboard.reload-every-seconds:15}") long reloadEverySeconds,
                       @Value("${aam.payments.read-page-size:5000}") int pageSize) {
        this.mongo = mongo;
        this.eventStore = eventStore;
        this.processing = processing;
        this.tickMillis = tickMillis;
        this.reloadEveryMillis = reloadEverySeconds * 1000;
        this.pageSize = pageSize;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        reloader.scheduleWithFixedDelay(this::tick, tickMillis, tickMillis, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        reloader.shutdownNow();
    }

    /** The figures as last loaded (loaded now, once, if never yet). */
    DashboardSnapshot current() {
        DashboardSnapshot snapshot = current.get();
        if (snapshot == null) {
            synchronized (this) {
                snapshot = current.get();
                if (snapshot == null) {
                    snapshot = reload(head());
                }
            }
        }
        return snapshot;
    }

    /** Told the generation each time the figures change. */
    void onChange(LongConsumer listener) {
        listeners.add(listener);
    }

    void removeListener(LongConsumer listener) {
        listeners.remove(listener);
    }

    private void tick() {
        try {
            long head = head();
            boolean moved = head != lastHead;
            boolean rebuilding = rebuilding();
            boolean due = System.nanoTime() - lastReloadNanos > reloadEveryMillis * 1_000_000L;
            if (rebuilding && current.get() != null) {
                wasRebuilding = true;
                return;
            }
            if (moved || trailing || wasRebuilding || due || current.get() == null) {
                trailing = moved || wasRebuilding;
                wasRebuilding = false;
                lastHead = head;
                DashboardSnapshot previous = current.get();
                DashboardSnapshot loaded;
                synchronized (this) {
                    loaded = reload(head);
                }
                if (previous != null && loaded.generation() != previous.generation()) {
                    for (LongConsumer listener : listeners) {
                        listener.accept(loaded.generation());
                    }
                }
            }
        } catch (Throwable e) { // an Error would otherwise end the scheduled task without a word
            LOG.warn("dashboard figures not reloaded: {}", e.toString());
        }
    }

    /**
     * Whether a projection read here is being rebuilt: a segment replaying and short of its reset point (Axon keeps
     * a segment "replaying" until it sees an event past that point, which may never come on a quiet store).
     */
    private boolean rebuilding() {
        for (String group : GROUPS) {
            var processor = processing.eventProcessor(group, StreamingEventProcessor.class);
            if (processor.isEmpty()) {
                continue;
            }
            for (var status : processor.get().processingStatus().values()) {
                long position = status.getCurrentPosition().orElse(-1);
                if (status.isReplaying() && status.getResetPosition().isPresent()
                    && position < status.getResetPosition().getAsLong()) {
                    return true;
                }
            }
        }
        return false;
    }

    private DashboardSnapshot reload(long head) {
        List<ContractRow> contracts = new ArrayList<>();
        List<LineRow> lines = new ArrayList<>();
        List<DeadlineRow> deadlines = new ArrayList<>();
        long[] fingerprint = {17};
        readAll(DashboardProjection.CONTRACTS, CONTRACT_FIELDS, d -> {
            contracts.add(ContractRow.of(d));
            fingerprint[0] = 31 * fingerprint[0] + Objects.hash(d.getString("_id"), d.get("seq"));
        });
        readAll(LINES, LINE_FIELDS, d -> {
            lines.add(LineRow.of(d));
            fingerprint[0] = 31 * fingerprint[0] + Objects.hash(d.getString("_id"), d.get("status"),
                                                                d.get("amountCents"), d.get("dueDate"));
        });
        Map<String, String> caisseOf = new java.util.HashMap<>();
        contracts.forEach(c -> caisseOf.put(c.contractId(), c.caisse()));
        readAll(ASSISTANTS, ASSISTANT_FIELDS, d -> {
            // assistants' views written before they carried their caisse: the caisse of their contract
            for (DeadlineRow row : DashboardRows.deadlinesOf(d)) {
                deadlines.add(row.caisse() != null ? row : new DeadlineRow(row.assistantId(), row.contractId(),
                        caisseOf.get(row.contractId()), row.kind(), row.dueOn(), row.status()));
            }
            fingerprint[0] = 31 * fingerprint[0] + Objects.hash(d.getString("_id"), d.get("version"));
        });
        lastReloadNanos = System.nanoTime();
        DashboardSnapshot previous = current.get();
        boolean changed = previous == null || fingerprint[0] != lastFingerprint;
        lastFingerprint = fingerprint[0];
        long generation = previous == null ? 1 : previous.generation() + (changed ? 1 : 0);
        DashboardSnapshot snapshot = DashboardSnapshot.of(generation, Instant.now(), head, contracts, lines,
                                                          deadlines);
        current.set(snapshot);
        return snapshot;
    }

    /** In pages by id with only the fields used: the embedded server answers a query in one reply. */
    private void readAll(String collection, String[] fields, Consumer<Document> each) {
        String after = null;
        while (true) {
            Query query = new Query().with(Sort.by("_id")).limit(pageSize);
            if (after != null) {
                query.addCriteria(Criteria.where("_id").gt(after));
            }
            query.fields().include(fields);
            List<Document> page = mongo.find(query, Document.class, collection);
            page.forEach(each);
            if (page.size() < pageSize) {
                return;
            }
            after = page.get(page.size() - 1).getString("_id");
        }
    }

    private long head() {
        org.axonframework.eventhandling.TrackingToken head = eventStore.createHeadToken();
        return head == null ? 0 : head.position().orElse(0L);
    }
}
