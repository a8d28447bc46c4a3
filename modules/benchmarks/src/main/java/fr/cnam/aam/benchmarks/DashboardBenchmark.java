package fr.cnam.aam.benchmarks;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import fr.cnam.aam.app.AamApplication;
import fr.cnam.aam.contracting.api.ContractSigned;
import fr.cnam.aam.contracting.api.ContractSuspended;
import fr.cnam.aam.contracting.api.ContractTerminated;
import fr.cnam.aam.contracting.api.ObjectivesEvaluated;
import fr.cnam.aam.employment.api.AssistantHired;
import fr.cnam.aam.payments.api.PaymentLinePlanned;
import fr.cnam.aam.payments.api.PaymentLinesChanged;
import fr.cnam.aam.payments.api.PaymentOrderIssued;
import fr.cnam.aam.payments.api.PaymentOrderPaid;
import fr.cnam.aam.payments.api.PaymentSchedulePlanned;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dashboards with 5,000 contracts loaded (issue 14: each view answers in under 200 ms at the 95th
 * percentile): the app on the embedded file store, its projections built from about 80,000 events (contracts
 * across 8 caisses and the three versions, their payment schedules, orders and answers, assistants, some
 * suspensions, terminations and evaluations), every view asked over HTTP with an auditor's token. Two series:
 * <b>steady</b> (nothing changes: the figures of the loaded snapshot are kept), and <b>after a change</b> (a new
 * contract is signed before each round, the snapshot reloads, and the first request of each view computes it).
 * Beside them, in the same run, the baseline: the HTTP round trip of the smallest answer (liveness).
 * Usage: {@code java -cp modules/benchmarks/target/benchmarks-exec.jar
 * -Dloader.main=fr.cnam.aam.benchmarks.DashboardBenchmark org.springframework.boot.loader.launch.PropertiesLauncher
 * [contracts] [rounds]}.
 */
public final class DashboardBenchmark {

    private static final String[][] CAISSES = {{"751", "75"}, {"131", "13"}, {"691", "69"}, {"331", "33"},
            {"591", "59"}, {"061", "06"}, {"351", "35"}, {"971", "971"}};
    private static final String REVISION = "2026-12-02.1";
    private static final Pattern GENERATION = Pattern.compile("\"generation\":(\\d+)");

    private DashboardBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        AamApplication.disableVendorUpdateCheck();
        int contracts = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        Path directory = Files.createTempDirectory("aam-dashboard-benchmark");
        // loading with WRITE (no fsync per commit) only to load faster: reads do not depend on it
        ConfigurableApplicationContext app = new SpringApplicationBuilder(AamApplication.class).run(
                "--server.port=0", "--aam.store.embedded.backend=file", "--aam.store.embedded.directory=" + directory,
                "--aam.store.embedded.durability=WRITE", "--aam.calendar.enabled=false", "--logging.level.root=WARN");
        try {
            EventStore store = app.getBean(EventStore.class);
            long loadStart = System.nanoTime();
            int events = 0;
            Random random = new Random(14);
            for (int i = 0; i < contracts; i++) {
                events += contract(store, random, i);
            }
            System.out.printf(Locale.ROOT, "%d contracts: %d events appended in %.1f s%n", contracts, events,
                              (System.nanoTime() - loadStart) / 1e9);
            long catchUp = System.nanoTime();
            awaitProjections(app, store);
            System.out.printf(Locale.ROOT, "projections caught up in %.1f s%n", (System.nanoTime() - catchUp) / 1e9);

            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            String token = new NimbusJwtEncoder(app.getBean(JWKSource.class)).encode(JwtEncoderParameters.from(
                    JwtClaimsSet.builder().subject("benchmark").issuedAt(Instant.now())
                                .expiresAt(Instant.now().plusSeconds(7200)).claim("roles", List.of("AUDITOR"))
                                .build())).getTokenValue();
            Http http = new Http("http://127.0.0.1:" + port, token);
            Map<String, String> views = new LinkedHashMap<>();
            views.put("national figures", "/api/v1/dashboard");
            views.put("caisse figures (751)", "/api/v1/dashboard?caisse=751");
            views.put("département figures (751, 75)", "/api/v1/dashboard?caisse=751&departement=75");
            views.put("contracts table, sorted, page 3", "/api/v1/dashboard/tables/contracts?sort=signedOn&dir=desc&page=3");
            views.put("contracts table, filtered (131)", "/api/v1/dashboard/tables/contracts?caisse=131&status=SUSPENDED");
            views.put("deadlines table", "/api/v1/dashboard/tables/deadlines?sort=dueOn");
            views.put("orders awaiting table", "/api/v1/dashboard/tables/orders");
            views.put("CSV export, all contracts", "/api/v1/dashboard/tables/contracts?format=csv");
            for (int i = 0; i < 30; i++) { // warm-up: JIT, connections
                for (String path : views.values()) {
                    http.get(path);
                }
                http.get("/actuator/health/liveness");
            }

            Map<String, long[]> steady = new LinkedHashMap<>();
            long[] baseline = new long[rounds * 5];
            for (int i = 0; i < baseline.length; i++) {
                baseline[i] = http.time("/actuator/health/liveness");
            }
            for (Map.Entry<String, String> view : views.entrySet()) {
                long[] times = new long[rounds * 5];
                for (int i = 0; i < times.length; i++) {
                    times[i] = http.time(view.getValue());
                }
                steady.put(view.getKey(), times);
            }

            Map<String, long[]> changed = new LinkedHashMap<>();
            views.keySet().forEach(k -> changed.put(k, new long[rounds]));
            for (int round = 0; round < rounds; round++) {
                long before = generation(http.get("/api/v1/dashboard/tables/orders?size=1"));
                contract(store, random, contracts + round);
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (generation(http.get("/api/v1/dashboard/tables/orders?size=1")) == before) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the dashboard did not see the new contract");
                    }
                    Thread.sleep(20);
                }
                for (Map.Entry<String, String> view : views.entrySet()) {
                    changed.get(view.getKey())[round] = http.time(view.getValue());
                }
            }

            System.out.printf(Locale.ROOT, "%n%d contracts loaded; embedded file store; HTTP on loopback, auditor "
                              + "token; %d requests per steady series, %d rounds after a change%n",
                              contracts, rounds * 5, rounds);
            System.out.printf(Locale.ROOT, "%-44s %8s %8s %8s %8s%n", "ms", "p50", "p95", "p99", "max");
            print("baseline: liveness round trip", baseline);
            steady.forEach((name, times) -> print("steady: " + name, times));
            changed.forEach((name, times) -> print("after a change: " + name, times));
        } catch (RuntimeException failed) {
            failed.printStackTrace();
            System.exit(1);
        } finally {
            app.close();
        }
        System.exit(0);
    }

    private static long generation(String body) {
        Matcher m = GENERATION.matcher(body);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /** One contract's three streams, as the aggregates would have written them; returns the events written. */
    private static int contract(EventStore store, Random random, int n) {
        String[] caisse = CAISSES[random.nextInt(CAISSES.length)];
        String id = "bench-dash-" + n;
        String contractId = "Contract:" + id;
        String scheduleId = "Schedule:" + id;
        String assistantId = "Assistant:" + id;
        LocalDate signed = LocalDate.of(2019, 9, 1).plusDays(random.nextInt(2_600));
        String version = signed.isBefore(LocalDate.of(2023, 5, 1)) ? "AV7_2019"
                : signed.isBefore(LocalDate.of(2024, 6, 22)) ? "RA_2023" : "CONV_2024";
        String option = random.nextDouble() < 0.5 ? "HALF_TIME" : "FULL_TIME";
        List<Object> contract = new ArrayList<>();
        contract.add(new ContractSigned(contractId, "1" + String.format("%010d", n), caisse[0], caisse[1], option,
                signed, "Assessment:" + id, "MEDECINE_GENERALE", "P50_P70", 1100, 1800, signed,
                signed.plusYears(5).minusDays(1), version, REVISION, 3, List.of(), false));
        if (random.nextDouble() < 0.05) {
            contract.add(new ContractSuspended(contractId, "AV-S", "congé maternité de l'assistante",
                                               signed.plusMonths(8)));
        }
        if (random.nextDouble() < 0.3 && signed.plusYears(3).isBefore(LocalDate.of(2026, 11, 1))) {
            contract.add(new ObjectivesEvaluated(contractId, 3, signed.plusYears(3).plusDays(10),
                    40 + random.nextInt(80), 2_100_000L, 2_100_000L, version, REVISION, List.of()));
        }
        if (random.nextDouble() < 0.06) {
            LocalDate notified = signed.plusMonths(14);
            contract.add(new ContractTerminated(contractId, "DOCTOR", "départ", notified, notified.plusMonths(2),
                    "contract.notice.doctor", "S33", "confirmed", version, REVISION));
        }
        List<Object> schedule = new ArrayList<>();
        schedule.add(new PaymentSchedulePlanned(scheduleId, contractId, caisse[0], signed, version, option, "P50_P70",
                                                5, REVISION));
        List<PaymentLinePlanned> planned = new ArrayList<>();
        for (int year = 1; year <= 5; year++) {
            planned.add(new PaymentLinePlanned(scheduleId, contractId, caisse[0], scheduleId + ".Y" + year + ".1",
                    signed.plusYears(year - 1L).plusMonths(1), year == 1 ? 3_600_000L : 2_100_000L, year,
                    year == 1 ? "ADVANCE" : "AT_ANNIVERSARY", "payment.calendar", "S33", "secondary",
                    "aid." + option + ".year" + Math.min(year, 3), "S12", "confirmed", version, REVISION,
                    "year " + year));
        }
        schedule.add(new PaymentLinesChanged(scheduleId, contractId, "planned", signed, planned, List.of(),
                                             List.of()));
        for (PaymentLinePlanned line : planned) {
            if (line.dueDate().isBefore(LocalDate.of(2026, 11, 1))) {
                String order = "Order:" + id + line.lineId().substring(scheduleId.length()) + ".1";
                schedule.add(new PaymentOrderIssued(scheduleId, contractId, caisse[0], order, line.lineId(),
                                                    line.amountCents(), line.dueDate(), line.dueDate()));
                if (random.nextDouble() < 0.97) {
                    schedule.add(new PaymentOrderPaid(scheduleId, order, line.lineId(), line.amountCents(),
                                                      line.dueDate().plusDays(5), "VIR"));
                }
            }
        }
        List<Object> assistant = List.of(new AssistantHired(assistantId, List.of(contractId), "DOCTOR", true, 35,
                signed.plusDays(14), List.of(), false, null, signed.plusDays(44), signed.plusMonths(6),
                signed.plusYears(2), null, version, REVISION, List.of(), caisse[0]));
        List<EventMessage<?>> all = new ArrayList<>();
        add(all, "PaymentSchedule", scheduleId, schedule);
        add(all, "Assistant", assistantId, assistant);
        add(all, "Contract", contractId, contract);
        store.publish(all);
        return all.size();
    }

    private static void add(List<EventMessage<?>> into, String type, String id, List<Object> payloads) {
        for (int i = 0; i < payloads.size(); i++) {
            into.add(new GenericDomainEventMessage<>(type, id, i, payloads.get(i)));
        }
    }

    private static void awaitProjections(ConfigurableApplicationContext app, EventStore store) throws Exception {
        EventProcessingConfiguration processing = app.getBean(EventProcessingConfiguration.class);
        long head = store.createHeadToken().position().orElse(0L);
        while (true) {
            boolean behind = false;
            for (String group : List.of("dashboard", "payment-ledger", "assistants")) {
                StreamingEventProcessor p = processing.eventProcessor(group, StreamingEventProcessor.class)
                                                      .orElseThrow();
                for (var status : p.processingStatus().values()) {
                    behind |= status.getCurrentPosition().orElse(-1) < head;
                }
            }
            if (!behind) {
                return;
            }
            Thread.sleep(200);
        }
    }

    private static void print(String label, long[] nanos) {
        Percentiles.print(label, nanos, 0.50, 0.95, 0.99);
    }

    /** HTTP calls with the token; a non-2xx answer stops the run (a benchmark of errors measures nothing). */
    private static final class Http {
        private final HttpClient client = HttpClient.newHttpClient();
        private final String base;
        private final String token;

        Http(String base, String token) {
            this.base = base;
            this.token = token;
        }

        String get(String path) throws Exception {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(path + " → " + answer.statusCode() + " " + answer.body());
            }
            return answer.body();
        }

        long time(String path) throws Exception {
            long start = System.nanoTime();
            get(path);
            return System.nanoTime() - start;
        }
    }
}
