package fr.cnam.aam.app.dashboard;

import fr.cnam.aam.app.dashboard.DashboardRows.Change;
import fr.cnam.aam.app.dashboard.DashboardRows.ContractRow;
import fr.cnam.aam.app.dashboard.DashboardRows.DeadlineRow;
import fr.cnam.aam.app.dashboard.DashboardRows.Evaluation;
import fr.cnam.aam.app.dashboard.DashboardRows.LineRow;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The figures as a pure function of the projections' rows: which contracts are in force on a day and under which
 * option and version, the money of each month, the evaluations' buckets, the deadlines' horizons.
 */
class DashboardFiguresTest {

    private static final LocalDate TODAY = LocalDate.of(2024, 6, 15);

    private static ContractRow contract(String id, String caisse, LocalDate start, LocalDate lastDay, String status,
                                        List<Change> options, List<Change> versions, List<Evaluation> evaluations) {
        return new ContractRow(id, caisse, "75", "MEDECINE_GENERALE", options.get(options.size() - 1).value(),
                               versions.get(versions.size() - 1).value(), status, start, start,
                               start.plusYears(5).minusDays(1), lastDay, null, null, null, options, versions,
                               evaluations);
    }

    private static LineRow line(String id, String contractId, String kind, String status, String due, long amount,
                                String orderedOn, long ordered, String paidOn, long paid) {
        return new LineRow(id, contractId, "751", kind, status, LocalDate.parse(due), amount, null,
                           orderedOn == null ? null : LocalDate.parse(orderedOn), ordered,
                           paidOn == null ? null : LocalDate.parse(paidOn), paid);
    }

    @Test
    void aContractCountsUnderTheOptionAndVersionInForceOnEachMonthsLastDay() {
        ContractRow amended = contract("A", "751", LocalDate.of(2023, 1, 10), null, "ACTIVE",
                List.of(new Change(LocalDate.of(2023, 1, 10), "HALF_TIME"),
                        new Change(LocalDate.of(2024, 1, 1), "FULL_TIME")),
                List.of(new Change(LocalDate.of(2023, 1, 10), "AV7_2019"),
                        new Change(LocalDate.of(2023, 6, 1), "RA_2023")), List.of());
        ContractRow ended = contract("B", "751", LocalDate.of(2023, 3, 1), LocalDate.of(2023, 8, 31), "TERMINATED",
                List.of(new Change(LocalDate.of(2023, 3, 1), "ONE_THIRD_TIME")),
                List.of(new Change(LocalDate.of(2023, 3, 1), "AV7_2019")), List.of());
        DashboardSnapshot snapshot = DashboardSnapshot.of(1, Instant.EPOCH, 0, List.of(amended, ended), List.of(),
                                                          List.of());
        DashboardView view = DashboardFigures.compute(snapshot, new DashboardView.Scope(null, null, null), TODAY);
        Map<String, DashboardView.MonthOfContracts> months = view.contracts().stream()
                .collect(Collectors.toMap(DashboardView.MonthOfContracts::month, m -> m));
        assertThat(months.keySet()).contains("2023-01", "2024-06").doesNotContain("2022-12", "2024-07");
        assertThat(months.get("2023-05").byVersion()).isEqualTo(Map.of("AV7_2019", 2L));
        assertThat(months.get("2023-06").byVersion()).isEqualTo(Map.of("AV7_2019", 1L, "RA_2023", 1L));
        // 1/2 + 1/3 ETP while both run; B's last day in force (still paid) is 31 August
        assertThat(months.get("2023-08").fte()).isEqualTo(0.83);
        assertThat(months.get("2023-09").contracts()).isEqualTo(1);
        assertThat(months.get("2023-12").fteByOption()).isEqualTo(Map.of("HALF_TIME", 0.5));
        assertThat(months.get("2024-01").fteByOption()).isEqualTo(Map.of("FULL_TIME", 1.0));
        assertThat(view.totals().contractsInForce()).isEqualTo(1);
        assertThat(view.totals().ended()).isEqualTo(1);
        assertThat(view.byCaisse()).extracting(DashboardView.Breakdown::key).containsExactly("751");
    }

    @Test
    void aCollectiveContractCountsTheEtpItFinancesFromEachAvenant() {
        // a group financing 2 ETP from 1 April 2024, 3 ETP by avenant from 1 June 2024 (regulation.md §3b)
        ContractRow group = new ContractRow("G", "751", "75", "MEDECINE_GENERALE", "COLLECTIVE", "COLLECTIVE_2026",
                "ACTIVE", LocalDate.of(2024, 4, 1), LocalDate.of(2024, 4, 1), LocalDate.of(2029, 3, 31), null, null,
                null, null, List.of(new Change(LocalDate.of(2024, 4, 1), "COLLECTIVE")),
                List.of(new Change(LocalDate.of(2024, 4, 1), "COLLECTIVE_2026")), List.of(),
                List.of(new DashboardRows.EtpChange(LocalDate.of(2024, 4, 1), 2000),
                        new DashboardRows.EtpChange(LocalDate.of(2024, 6, 1), 3000)));
        DashboardSnapshot snapshot = DashboardSnapshot.of(1, Instant.EPOCH, 0, List.of(group), List.of(), List.of());
        DashboardView view = DashboardFigures.compute(snapshot, new DashboardView.Scope(null, null, null), TODAY);
        Map<String, DashboardView.MonthOfContracts> months = view.contracts().stream()
                .collect(Collectors.toMap(DashboardView.MonthOfContracts::month, m -> m));
        assertThat(months.get("2024-05").fte()).isEqualTo(2.0);
        assertThat(view.totals().fteInForce()).isEqualTo(3.0);
        assertThat(view.byOption()).singleElement().satisfies(b -> {
            assertThat(b.key()).isEqualTo("COLLECTIVE");
            assertThat(b.fte()).isEqualTo(3.0);
        });
    }

    @Test
    void aSuspensionOrATerminationCountsFromItsDateNotFromItsRecording() {
        LocalDate start = LocalDate.of(2023, 1, 10);
        List<Change> half = List.of(new Change(start, "HALF_TIME"));
        List<Change> ra = List.of(new Change(start, "RA_2023"));
        // suspended from 1 July (recorded ahead), resumed from 1 September
        ContractRow suspended = new ContractRow("S", "751", "75", "MEDECINE_GENERALE", "HALF_TIME", "RA_2023",
                "ACTIVE", start, start, start.plusYears(5).minusDays(1), null, LocalDate.of(2024, 7, 1),
                LocalDate.of(2024, 9, 1), "congé", half, ra, List.of());
        // a first-release signature: no end known, counted until an end is recorded
        ContractRow undated = new ContractRow("U", "751", "75", "MEDECINE_GENERALE", "HALF_TIME", "RA_2023",
                "ACTIVE", start, start, null, null, null, null, null, half, ra, List.of());
        // terminated, last day 30 June: in force on its last day, ended the next
        ContractRow terminated = contract("T", "751", start, LocalDate.of(2024, 6, 30), "TERMINATED", half, ra,
                                          List.of());
        DashboardSnapshot snapshot = DashboardSnapshot.of(1, Instant.EPOCH, 0,
                List.of(suspended, undated, terminated), List.of(), List.of());
        DashboardView.Scope nation = new DashboardView.Scope(null, null, null);
        DashboardView june = DashboardFigures.compute(snapshot, nation, LocalDate.of(2024, 6, 30));
        assertThat(june.totals().contractsInForce()).isEqualTo(3);
        assertThat(june.totals().suspended()).as("not before its date").isZero();
        DashboardView july = DashboardFigures.compute(snapshot, nation, LocalDate.of(2024, 7, 15));
        assertThat(july.totals().contractsInForce()).isEqualTo(2);
        assertThat(july.totals().ended()).isEqualTo(1);
        assertThat(july.totals().suspended()).isEqualTo(1);
        assertThat(july.suspensionsByReason()).extracting(DashboardView.Breakdown::key).containsExactly("congé");
        assertThat(suspended.statusOn(LocalDate.of(2024, 7, 15))).isEqualTo("SUSPENDED");
        assertThat(terminated.statusOn(LocalDate.of(2024, 7, 1))).isEqualTo("TERMINATED");
        DashboardView september = DashboardFigures.compute(snapshot, nation, LocalDate.of(2024, 9, 1));
        assertThat(september.totals().suspended()).as("resumed on 1 September").isZero();
    }

    @Test
    void moneyIsCountedInTheMonthItWasDueOrderedPaidOrRecovered() {
        List<LineRow> lines = List.of(
                line("L1", "A", "ADVANCE", "PAID", "2024-01-10", 1_260_000, "2024-01-31", 1_260_000, "2024-02-05",
                     1_260_000),
                line("L2", "A", "RECOVERY", "PAID", "2024-03-01", -200_000, "2024-03-01", -200_000, "2024-03-02",
                     -200_000),
                line("L3", "A", "BALANCE", "CANCELLED", "2024-04-01", 540_000, null, 0, null, 0),
                line("L4", "A", "AT_ANNIVERSARY", "ORDERED", "2024-05-01", 900_000, "2024-05-31", 900_000, null, 0),
                line("L5", "A", "AT_ANNIVERSARY", "PLANNED", "2025-01-01", 700_000, null, 0, null, 0));
        ContractRow a = contract("A", "751", LocalDate.of(2023, 1, 10), null, "ACTIVE",
                List.of(new Change(LocalDate.of(2023, 1, 10), "HALF_TIME")),
                List.of(new Change(LocalDate.of(2023, 1, 10), "RA_2023")), List.of());
        DashboardView view = DashboardFigures.compute(DashboardSnapshot.of(1, Instant.EPOCH, 0, List.of(a), lines,
                List.of()), new DashboardView.Scope(null, null, null), TODAY);
        Map<String, DashboardView.MonthOfPayments> months = view.payments().stream()
                .collect(Collectors.toMap(DashboardView.MonthOfPayments::month, m -> m));
        assertThat(months.get("2024-01")).isEqualTo(new DashboardView.MonthOfPayments("2024-01", 1_260_000,
                                                                                       1_260_000, 0, 0));
        assertThat(months.get("2024-02").paidCents()).isEqualTo(1_260_000);
        assertThat(months.get("2024-03").recoveredCents()).isEqualTo(200_000);
        assertThat(months.get("2024-04").dueCents()).as("a cancelled line is nobody's due").isZero();
        assertThat(months.get("2025-01").dueCents()).as("a year ahead shows").isEqualTo(700_000);
        assertThat(view.totals().committedCents()).isEqualTo(1_260_000 + 900_000 + 700_000);
        assertThat(view.totals().dueCents()).isEqualTo(1_260_000 + 900_000);
        assertThat(view.totals().paidCents()).isEqualTo(1_260_000);
        assertThat(view.totals().recoveredCents()).isEqualTo(200_000);
        assertThat(view.ordersAwaitingAnswer()).isEqualTo(new DashboardView.Orders(1, 900_000,
                                                                                   LocalDate.of(2024, 5, 31)));
    }

    @Test
    void evaluationsFallInTheirBucketAndDeadlinesInTheirHorizon() {
        ContractRow a = contract("A", "751", LocalDate.of(2019, 9, 1), null, "ACTIVE",
                List.of(new Change(LocalDate.of(2019, 9, 1), "HALF_TIME")),
                List.of(new Change(LocalDate.of(2019, 9, 1), "AV7_2019")),
                List.of(new Evaluation(3, LocalDate.of(2022, 9, 10), 40),
                        new Evaluation(4, LocalDate.of(2023, 9, 10), 100),
                        new Evaluation(5, LocalDate.of(2024, 9, 10), 130)));
        List<DeadlineRow> deadlines = List.of(
                new DeadlineRow("S1", "A", "751", "trainingStart", TODAY.plusDays(30), "OPEN"),
                new DeadlineRow("S2", "A", "751", "qualification", TODAY.plusDays(31), "OPEN"),
                new DeadlineRow("S3", "A", "751", "qualification", TODAY.minusDays(1), "OPEN"),
                new DeadlineRow("S4", "A", "751", "hiringProof", TODAY.minusDays(100), "MISSED"),
                new DeadlineRow("S5", "A", "751", "hiringProof", TODAY.plusDays(5), "MET"));
        DashboardView view = DashboardFigures.compute(DashboardSnapshot.of(1, Instant.EPOCH, 0, List.of(a),
                List.of(), deadlines), new DashboardView.Scope("751", "CPAM — Paris", null), TODAY);
        assertThat(view.achievement()).extracting(DashboardView.Bucket::evaluations).containsExactly(1L, 0L, 0L, 1L,
                                                                                                     1L);
        assertThat(view.totals().objectivesReached()).isEqualTo(2);
        assertThat(view.deadlines().within30Days()).isEqualTo(Map.of("trainingStart", 1L));
        assertThat(view.deadlines().within90Days()).isEqualTo(Map.of("trainingStart", 1L, "qualification", 1L));
        assertThat(view.deadlines().overdue()).isEqualTo(Map.of("qualification", 1L, "hiringProof", 1L));
        assertThat(view.byCaisse()).as("a caisse's view has no caisse breakdown").isEmpty();
    }
}
