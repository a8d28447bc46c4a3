package fr.cnam.aam.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import fr.cnam.aam.app.SettableClock;
import fr.cnam.aam.contracting.core.calendar.ContractCalendar;
import fr.cnam.aam.employment.core.calendar.AssistantCalendar;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Creates a demo history (README, "Demo data"): {@code aam.demo.generate.doctors} doctors across several caisses,
 * specialties, options and the three versions, signing from September 2019 to last month, each contract lived
 * month by month up to today through the app's API — assessments, signatures, hirings and proofs of hiring,
 * training and qualifications, annual activity, evaluations from year 3, version switches, avenants, suspensions
 * and resumptions, terminations —, one group of GPs under the collective aid for every 15 doctors (signed since
 * it began, its assistant, an ETP avenant for some), and the payment system's monthly order runs and answers (a
 * few rejected, then ordered again). Business time moves with it (the calendar's anniversaries, revaluations and terms fire as the
 * months pass), then returns to the present. Progress is kept in {@code demo_generator}: a run killed midway
 * resumes at the month it was in, and the requests of that month are replayed by their idempotency keys.
 */
@Component
@ConditionalOnProperty(name = "aam.demo.generate.doctors")
class DemoHistoryGenerator {

    private static final Logger LOG = LoggerFactory.getLogger(DemoHistoryGenerator.class);
    private static final String STATE = "demo_generator";

    private final int doctors;
    private final long seed;
    private final int threads;
    private final Clock clock;
    private final MongoTemplate mongo;
    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final ContractCalendar contractCalendar;
    private final AssistantCalendar assistantCalendar;
    private final ObjectProvider<JWKSource<SecurityContext>> keys;
    private final WebServerApplicationContext web;
    private volatile boolean finished;
    private volatile Map<String, Long> refusals = Map.of();

    private final String clockStart;

    DemoHistoryGenerator(@Value("${aam.demo.generate.doctors}") int doctors,
                         @Value("${aam.clock.start:}") String clockStart,
                         @Value("${aam.demo.generate.seed:2019}") long seed,
                         @Value("${aam.demo.generate.threads:4}") int threads, Clock clock, MongoTemplate mongo,
                         EventProcessingConfiguration processing, EventStore eventStore,
                         ContractCalendar contractCalendar, AssistantCalendar assistantCalendar,
                         ObjectProvider<JWKSource<SecurityContext>> keys, WebServerApplicationContext web) {
        this.doctors = doctors;
        this.clockStart = clockStart;
        this.seed = seed;
        this.threads = Math.max(1, threads);
        this.clock = clock;
        this.mongo = mongo;
        this.processing = processing;
        this.eventStore = eventStore;
        this.contractCalendar = contractCalendar;
        this.assistantCalendar = assistantCalendar;
        this.keys = keys;
        this.web = web;
    }

    boolean finished() {
        return finished;
    }

    /** The requests of the last run the rules refused, by path and rule. */
    Map<String, Long> refusals() {
        return refusals;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (doctors <= 0) {
            return;
        }
        if (!(clock instanceof SettableClock) || !clockStart.isBlank() || keys.getIfAvailable() == null) {
            LOG.error("the demo generator needs the app's own business clock (no aam.clock.start) and its demo "
                      + "authorization server (no external issuer): not started");
            return;
        }
        long head = eventStore.createHeadToken() == null ? 0 : eventStore.createHeadToken().position().orElse(0L);
        if (head > 0 && mongo.findAll(Document.class, STATE).isEmpty()) {
            // it moves business time and writes thousands of contracts: only on a store it started itself
            LOG.error("the demo generator runs on an empty store or one it filled: this store holds {} events and "
                      + "no generator state, not started", head + 1);
            finished = true;
            return;
        }
        Thread thread = new Thread(this::run, "demo-generator");
        thread.setDaemon(true);
        thread.start();
    }

    /** Generates from the month the state names (the first, on a new store) to today; resumable at any point. */
    void run() {
        SettableClock business = (SettableClock) clock;
        LocalDate today = LocalDate.now(Clock.systemUTC());
        DemoApi api = new DemoApi("http://127.0.0.1:" + web.getWebServer().getPort(),
                                  new NimbusJwtEncoder(keys.getObject()));
        String stateId = "seed-" + seed + "-doctors-" + doctors;
        Document state = mongo.findById(stateId, Document.class, STATE);
        // the cohort is drawn once, up to the month before the first run: a run resumed later draws the same one
        LocalDate lastSignature = state != null && state.getString("lastSignature") != null
                ? LocalDate.parse(state.getString("lastSignature")) : YearMonth.from(today).minusMonths(1).atDay(1);
        List<DemoDoctor> cohort = new ArrayList<>();
        for (int n = 1; n <= doctors; n++) {
            cohort.add(DemoDoctor.of(seed, n, lastSignature));
        }
        List<DemoGroup> groups = new ArrayList<>();
        for (int n = 1; n <= doctors / DemoGroup.DOCTORS_PER_GROUP; n++) {
            DemoGroup group = DemoGroup.of(seed, n, doctors, lastSignature);
            if (group != null) {
                groups.add(group);
            }
        }
        YearMonth first = YearMonth.from(DemoDoctor.FIRST_SIGNATURE);
        YearMonth month = state == null ? first : YearMonth.parse(state.getString("nextMonth"));
        YearMonth last = YearMonth.from(today);
        DemoProgress progress = new DemoProgress(first, last, api);
        if (state != null) {
            LOG.info("demo generator: resuming at {} ({} doctors, seed {})", month, doctors, seed);
        } else {
            // recorded before the first request: a run killed in its first month is resumed, not refused
            mongo.save(new Document("_id", stateId).append("nextMonth", month.toString()).append("doctors", doctors)
                               .append("seed", seed).append("lastSignature", lastSignature.toString()), STATE);
            LOG.info("demo generator: {} doctors, seed {}, from {} to {}", doctors, seed, first, last);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (; !month.isAfter(last); month = month.plusMonths(1)) {
                LocalDate end = month.equals(last) ? today : month.atEndOfMonth();
                business.set(end.atTime(20, 0).toInstant(ZoneOffset.UTC));
                fireCalendars();
                List<Future<?>> work = new ArrayList<>();
                List<List<DemoStep>> lives = new ArrayList<>();
                for (DemoDoctor doctor : cohort) {
                    lives.add(DemoLife.stepsIn(doctor, month.atDay(1), end));
                }
                for (DemoGroup group : groups) {
                    lives.add(DemoLife.stepsIn(group, month.atDay(1), end));
                }
                for (List<DemoStep> steps : lives) {
                    if (!steps.isEmpty()) {
                        work.add(pool.submit(() -> steps.stream().sorted(Comparator.comparing(DemoStep::on))
                                                        .forEach(step -> step.send(api))));
                    }
                }
                for (Future<?> done : work) {
                    done.get();
                }
                settle();
                fireCalendars();
                settle();
                List<Future<?>> payments = new ArrayList<>();
                for (String caisse : DemoDoctor.caisses()) { // the caisses' runs side by side, as separate systems
                    YearMonth paid = month;
                    payments.add(pool.submit(() -> payOrders(api, caisse, paid, end)));
                }
                for (Future<?> done : payments) {
                    done.get();
                }
                settle();
                mongo.save(new Document("_id", stateId).append("nextMonth", month.plusMonths(1).toString())
                                   .append("doctors", doctors).append("seed", seed)
                                   .append("lastSignature", lastSignature.toString()), STATE);
                progress.monthDone(month);
            }
            progress.finish();
            LOG.info("demo generator: done, {} requests, refusals by rule: {}", api.requests(), api.refusals());
        } catch (Exception e) {
            LOG.error("demo generator stopped at {}: run it again to resume", month, e);
        } finally {
            refusals = api.refusals();
            pool.shutdownNow();
            business.followSystemClock();
            finished = true;
        }
    }

    /**
     * The payment system's run at the month's end for each caisse (the app's own daily run may have ordered the
     * lines already), then its answers to every order awaiting one: most paid, about 3 % rejected (ordered again
     * at a later run).
     */
    private void payOrders(DemoApi api, String caisse, YearMonth month, LocalDate end) {
        api.post(caisse, "/api/v1/payments/order-runs", "demo-" + seed + "-run-" + caisse + "-" + month,
                 "{\"upTo\":\"" + end + "\",\"caisseCode\":\"" + caisse + "\"}");
        java.util.Set<String> answered = new java.util.HashSet<>();
        int waits = 0;
        while (true) {
            JsonNode awaiting = api.get(caisse, "/api/v1/payments/orders?caisse=" + caisse + "&size=100");
            List<String> ids = new ArrayList<>();
            if (awaiting != null) {
                awaiting.forEach(order -> ids.add(order.path("orderId").asText()));
            }
            boolean seenAgain = ids.stream().anyMatch(answered::contains);
            ids.removeIf(id -> id.isEmpty() || !answered.add(id)); // an answer refused is not asked again
            if (ids.isEmpty()) {
                if (!seenAgain || ++waits > 50) {
                    return;
                }
                sleep(100); // the ledger has not taken the answers in yet: the next page is behind them
                continue;
            }
            for (String id : ids) {
                boolean rejected = Math.floorMod((seed + id).hashCode(), 100) < 3;
                String answer = rejected
                        ? "{\"status\":\"rejected\",\"answeredOn\":\"" + end + "\",\"reason\":\"IBAN invalide\"}"
                        : "{\"status\":\"paid\",\"answeredOn\":\"" + end + "\",\"reference\":\"VIR-" + month + "\"}";
                api.post(caisse, "/api/v1/payments/orders/" + id + "/answer", "demo-" + seed + "-answer-" + id,
                         answer);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void fireCalendars() {
        contractCalendar.fireDue();
        assistantCalendar.fireDue();
    }

    /** Until every processor has handled the events written so far: policies and projections follow the month. */
    private void settle() throws InterruptedException {
        long head = eventStore.createHeadToken() == null ? 0 : eventStore.createHeadToken().position().orElse(0L);
        for (int i = 0; i < 600; i++) {
            boolean behind = false;
            for (Map.Entry<String, org.axonframework.eventhandling.EventProcessor> entry
                    : processing.eventProcessors().entrySet()) {
                if (entry.getValue() instanceof StreamingEventProcessor streaming) {
                    for (var status : streaming.processingStatus().values()) {
                        if (status.getCurrentPosition().orElse(-1) < head && !status.isCaughtUp()
                            || status.getCurrentPosition().orElse(head) < head) {
                            behind = true;
                        }
                    }
                }
            }
            if (!behind) {
                return;
            }
            Thread.sleep(50);
        }
    }
}
