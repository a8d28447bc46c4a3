package fr.cnam.aam.benchmarks;

import fr.cnam.aam.app.AamApplication;
import fr.cnam.aam.app.disputes.DisputeViews;
import fr.cnam.aam.contracting.api.AnnualActivityRecorded;
import fr.cnam.aam.contracting.api.ContractAmended;
import fr.cnam.aam.contracting.api.ContractAnniversaryReached;
import fr.cnam.aam.contracting.api.ContractRenewed;
import fr.cnam.aam.contracting.api.ContractResumed;
import fr.cnam.aam.contracting.api.ContractSigned;
import fr.cnam.aam.contracting.api.ContractSuspended;
import fr.cnam.aam.contracting.api.ObjectivesEvaluated;
import fr.cnam.aam.contracting.api.SemestrialReviewHeld;
import fr.cnam.aam.employment.api.AssistantHired;
import fr.cnam.aam.employment.api.HiringProofSubmitted;
import fr.cnam.aam.payments.api.PaymentLinePlanned;
import fr.cnam.aam.payments.api.PaymentLinesChanged;
import fr.cnam.aam.payments.api.PaymentOrderIssued;
import fr.cnam.aam.payments.api.PaymentOrderPaid;
import fr.cnam.aam.payments.api.PaymentOrderRejected;
import fr.cnam.aam.payments.api.PaymentSchedulePlanned;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The dispute handler's as-of view of a 10-year contract (signed, renewed once, avenants, a suspension, yearly
 * evaluations and anniversaries, its payment lines, orders — one rejected — and answers, its assistant: about 150
 * events over three aggregates), read from the embedded default store (file, SYNC) and folded, many times. Prints
 * p50/p90/p99/max beside the baseline of reading the same three streams without folding them.
 * Usage: {@code java -cp modules/benchmarks/target/benchmarks-exec.jar
 * -Dloader.main=fr.cnam.aam.benchmarks.DisputeBenchmark org.springframework.boot.loader.launch.PropertiesLauncher
 * [iterations]}.
 */
public final class DisputeBenchmark {

    private static final String CONTRACT = "Contract:bench-dispute";
    private static final String SCHEDULE = "Schedule:bench-dispute";
    private static final String ASSISTANT = "Assistant:bench-dispute";

    private DisputeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        AamApplication.disableVendorUpdateCheck();
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        Path directory = Files.createTempDirectory("aam-dispute-benchmark");
        ConfigurableApplicationContext app = new SpringApplicationBuilder(AamApplication.class).run(
                "--spring.main.web-application-type=none", "--aam.store.embedded.backend=file",
                "--aam.store.embedded.directory=" + directory, "--aam.store.embedded.durability=SYNC",
                "--aam.calendar.enabled=false", "--logging.level.root=WARN");
        try {
            EventStore store = app.getBean(EventStore.class);
            int events = record(store);
            DisputeViews views = app.getBean(DisputeViews.class);
            LocalDate asOf = LocalDate.of(2027, 6, 1);
            Instant knownAt = Instant.now();
            for (int i = 0; i < 300; i++) { // warm-up: the JIT and the store's caches, as in a running app
                views.asOf(CONTRACT, asOf, knownAt);
                readStreams(store);
            }
            // the assistant is found through its view, which a projection writes: counted once it caught up
            int folded = views.asOf(CONTRACT, asOf, knownAt).timeline().size();
            long[] baseline = new long[iterations];
            long[] view = new long[iterations];
            for (int i = 0; i < iterations; i++) {
                long start = System.nanoTime();
                readStreams(store);
                baseline[i] = System.nanoTime() - start;
                start = System.nanoTime();
                views.asOf(CONTRACT, asOf.minusDays(i % 3000), knownAt);
                view[i] = System.nanoTime() - start;
            }
            System.out.printf(Locale.ROOT, "%ncontract record: %d events written, %d in the timeline; %d iterations"
                              + " on the embedded file store (SYNC)%n", events, folded, iterations);
            System.out.printf(Locale.ROOT, "%-42s %8s %8s %8s %8s%n", "ms", "p50", "p90", "p99", "max");
            print("baseline: read the 3 streams", baseline);
            print("as-of view: read + fold (+ timeline)", view);
        } catch (RuntimeException failed) {
            failed.printStackTrace();
            System.exit(1); // the app's threads would keep a failed run alive
        } finally {
            app.close();
        }
        System.exit(0);
    }

    private static void readStreams(EventStore store) {
        for (String id : List.of(CONTRACT, SCHEDULE, ASSISTANT)) {
            store.readEvents(id, 0).asStream().forEach(m -> { });
        }
    }

    private static void print(String label, long[] nanos) {
        Percentiles.print(label, nanos, 0.50, 0.90, 0.99);
    }

    /** A realistic record, written as the aggregates would have (one domain stream each, in sequence). */
    private static int record(EventStore store) {
        List<Object> contract = new ArrayList<>();
        LocalDate signed = LocalDate.of(2020, 9, 1);
        contract.add(new ContractSigned(CONTRACT, "10000000009", "751", "75", "HALF_TIME", signed,
                "Assessment:bench-dispute", "MEDECINE_GENERALE", "P30_P50", 900, 1500, signed,
                LocalDate.of(2025, 8, 31), "AV7_2019", "2026-12-02.1", 3, List.of(), false));
        String option = "HALF_TIME";
        for (int year = 2; year <= 10; year++) {
            LocalDate anniversary = signed.plusYears(year - 1L);
            contract.add(new ContractAnniversaryReached(CONTRACT, anniversary, year, year >= 3, "AV7_2019",
                                                        "2026-12-02.1"));
            contract.add(new AnnualActivityRecorded(CONTRACT, year - 1, 1000 + year, 1600 + year,
                                                    anniversary.minusDays(10)));
            contract.add(new SemestrialReviewHeld(CONTRACT, anniversary.plusMonths(6), "point d'échange"));
            if (year >= 3) {
                contract.add(new ObjectivesEvaluated(CONTRACT, year - 1, anniversary.plusDays(14), 90, 1_050_000L,
                                                     1_050_000L, "AV7_2019", "2026-12-02.1", List.of("ACHIEVED")));
            }
            if (year % 2 == 0) {
                String next = "HALF_TIME".equals(option) ? "FULL_TIME" : "HALF_TIME";
                contract.add(new ContractAmended(CONTRACT, "AV-" + year, option, next, anniversary.plusMonths(2),
                                                 "avenant", "AV7_2019", "2026-12-02.1"));
                option = next;
            }
            if (year == 5) {
                contract.add(new ContractRenewed(CONTRACT, anniversary.plusMonths(6), signed.plusYears(5),
                                                 signed.plusYears(10).minusDays(1), "S12", "confirmed", "AV7_2019",
                                                 "2026-12-02.1"));
            }
            if (year == 7) {
                contract.add(new ContractSuspended(CONTRACT, "AV-S", "absence", anniversary.plusMonths(3)));
                contract.add(new ContractResumed(CONTRACT, "AV-R", "retour", anniversary.plusMonths(5)));
            }
        }
        List<Object> schedule = new ArrayList<>();
        schedule.add(new PaymentSchedulePlanned(SCHEDULE, CONTRACT, "751", signed, "AV7_2019", "HALF_TIME",
                                                "P30_P50", 10, "2026-12-02.1"));
        List<String> lineIds = new ArrayList<>();
        for (int year = 1; year <= 10; year++) {
            List<PaymentLinePlanned> planned = new ArrayList<>();
            for (int slot = 1; slot <= 4; slot++) { // quarterly: more orders than the calendar makes, on purpose
                String lineId = SCHEDULE + ".Y" + year + "." + slot;
                lineIds.add(lineId);
                planned.add(new PaymentLinePlanned(SCHEDULE, CONTRACT, "751", lineId,
                        signed.plusYears(year - 1L).plusMonths(3L * (slot - 1)), 262_500L, year, "INSTALMENT",
                        "payment.instalments.count", "S33", "secondary", "aid.HALF_TIME.year3", "S12, S11, S13",
                        "confirmed", "AV7_2019", "2026-12-02.1", "year " + year + ": 10500.00 €"));
            }
            schedule.add(new PaymentLinesChanged(SCHEDULE, CONTRACT, "planned", signed, planned, List.of(),
                                                 List.of()));
        }
        for (String lineId : lineIds) {
            LocalDate due = LocalDate.of(2020, 9, 1).plusMonths(3L * lineIds.indexOf(lineId));
            String order = "Order:bench-dispute" + lineId.substring(SCHEDULE.length()) + ".1";
            schedule.add(new PaymentOrderIssued(SCHEDULE, CONTRACT, "751", order, lineId, 262_500L, due, due));
            if (lineIds.indexOf(lineId) == 3) {
                schedule.add(new PaymentOrderRejected(SCHEDULE, order, lineId, due.plusDays(2), "IBAN invalide"));
                String again = order.substring(0, order.length() - 1) + "2";
                schedule.add(new PaymentOrderIssued(SCHEDULE, CONTRACT, "751", again, lineId, 262_500L, due,
                                                    due.plusDays(5)));
                schedule.add(new PaymentOrderPaid(SCHEDULE, again, lineId, 262_500L, due.plusDays(7), "VIR"));
            } else {
                schedule.add(new PaymentOrderPaid(SCHEDULE, order, lineId, 262_500L, due.plusDays(3), "VIR"));
            }
        }
        List<Object> assistant = List.of(
                new AssistantHired(ASSISTANT, List.of(CONTRACT), "DOCTOR", true, 35, LocalDate.of(2020, 9, 15),
                                   List.of("CQP"), false, null, LocalDate.of(2020, 9, 30), null, null, null,
                                   "AV7_2019", "2026-12-02.1", List.of(), "751"),
                new HiringProofSubmitted(ASSISTANT, LocalDate.of(2020, 9, 20), true, LocalDate.of(2020, 9, 15),
                                         List.of(CONTRACT)));
        // the schedule first: the payments policy that plans one on a signature then finds it planned already
        publish(store, "PaymentSchedule", SCHEDULE, schedule);
        publish(store, "Assistant", ASSISTANT, assistant);
        publish(store, "Contract", CONTRACT, contract);
        return contract.size() + schedule.size() + assistant.size();
    }

    private static void publish(EventStore store, String type, String id, List<Object> payloads) {
        for (int i = 0; i < payloads.size(); i++) {
            store.publish(new GenericDomainEventMessage<>(type, id, i, payloads.get(i)));
        }
    }
}
