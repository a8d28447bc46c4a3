package fr.cnam.aam.app.dashboard;

import fr.cnam.aam.app.dashboard.DashboardRows.ContractRow;
import fr.cnam.aam.app.dashboard.DashboardRows.DeadlineRow;
import fr.cnam.aam.app.dashboard.DashboardRows.Evaluation;
import fr.cnam.aam.app.dashboard.DashboardRows.LineRow;
import fr.cnam.aam.app.dashboard.DashboardView.Breakdown;
import fr.cnam.aam.app.dashboard.DashboardView.Bucket;
import fr.cnam.aam.app.dashboard.DashboardView.MonthOfContracts;
import fr.cnam.aam.app.dashboard.DashboardView.MonthOfPayments;
import fr.cnam.aam.regulation.referential.AidOptionShares;
import fr.cnam.aam.regulation.referential.Caisses;
import fr.cnam.aam.regulation.referential.Departements;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Computes a dashboard from one snapshot of the projections, for a scope and a business date: a pure function of
 * its inputs (no clock, no store), so a view is the same each time it is asked for the same generation.
 */
final class DashboardFigures {

    /** The achievement-rate buckets of the evaluations, in percent (100 and more: objectives reached). */
    private static final int[][] BUCKETS = {{0, 49}, {50, 74}, {75, 99}, {100, 124}, {125, Integer.MAX_VALUE}};

    private DashboardFigures() {
    }

    /** The contracts of the scope: of the caisse (if any) and of the département (if any). */
    static List<ContractRow> contractsIn(DashboardSnapshot snapshot, DashboardView.Scope scope) {
        return snapshot.contracts().stream()
                       .filter(c -> scope.caisse() == null || scope.caisse().equals(c.caisse()))
                       .filter(c -> scope.departement() == null || scope.departement().equals(c.departement()))
                       .toList();
    }

    static List<LineRow> linesIn(DashboardSnapshot snapshot, DashboardView.Scope scope) {
        return snapshot.lines().stream()
                       .filter(l -> scope.caisse() == null || scope.caisse().equals(l.caisse()))
                       .filter(l -> scope.departement() == null
                                    || scope.departement().equals(snapshot.departementOf(l.contractId())))
                       .toList();
    }

    static List<DeadlineRow> deadlinesIn(DashboardSnapshot snapshot, DashboardView.Scope scope) {
        return snapshot.deadlines().stream()
                       .filter(d -> scope.caisse() == null || scope.caisse().equals(d.caisse()))
                       .filter(d -> scope.departement() == null
                                    || scope.departement().equals(snapshot.departementOf(d.contractId())))
                       .toList();
    }

    static DashboardView compute(DashboardSnapshot snapshot, DashboardView.Scope scope, LocalDate today) {
        List<ContractRow> contracts = contractsIn(snapshot, scope);
        List<LineRow> lines = linesIn(snapshot, scope);
        List<DeadlineRow> deadlines = deadlinesIn(snapshot, scope);
        List<ContractRow> inForce = contracts.stream().filter(c -> c.inForceOn(today)).toList();

        long suspended = inForce.stream().filter(c -> c.suspendedOn(today)).count();
        long ended = contracts.stream().filter(c -> c.startsOn() != null && !c.startsOn().isAfter(today)
                                                    && !c.inForceOn(today)).count();
        double fte = inForce.stream().mapToDouble(c -> c.fteOn(today)).sum();
        long committed = 0;
        long due = 0;
        long paid = 0;
        long recovered = 0;
        for (LineRow line : lines) {
            if ("CANCELLED".equals(line.status())) {
                continue;
            }
            if (line.amountCents() > 0) {
                committed += line.amountCents();
                if (!line.dueDate().isAfter(today)) {
                    due += line.amountCents();
                }
            }
            if ("PAID".equals(line.status())) {
                if (line.paidCents() >= 0) {
                    paid += line.paidCents();
                } else {
                    recovered -= line.paidCents();
                }
            }
        }
        List<Evaluation> evaluations = contracts.stream().flatMap(c -> c.evaluations().stream()).toList();
        long reached = evaluations.stream().filter(e -> e.achievementRate() >= 100).count();
        DashboardView.Totals totals = new DashboardView.Totals(inForce.size(), suspended, ended, round(fte),
                contracts.size(), committed, due, paid, recovered, evaluations.size(), reached);

        return new DashboardView(scope, today, snapshot.generation(), snapshot.loadedAt(), totals,
                scope.caisse() == null ? breakdown(inForce, ContractRow::caisse, today, Caisses::nameOf) : List.of(),
                breakdown(inForce, ContractRow::departement, today, Departements::nameOf),
                breakdown(inForce, c -> c.versionOn(today), today, Function.identity()),
                breakdown(inForce, c -> c.optionOn(today), today, DashboardFigures::optionLabel),
                breakdown(inForce, ContractRow::specialty, today, Function.identity()),
                months(contracts, today), payments(lines, contracts, today), achievement(evaluations),
                deadlines(deadlines, today), suspensions(inForce, today), orders(lines));
    }

    private static List<Breakdown> breakdown(List<ContractRow> inForce, Function<ContractRow, String> key,
                                             LocalDate today, Function<String, String> label) {
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, Double> ftes = new TreeMap<>();
        for (ContractRow contract : inForce) {
            String value = key.apply(contract) == null ? "?" : key.apply(contract);
            counts.computeIfAbsent(value, k -> new long[1])[0]++;
            ftes.merge(value, contract.fteOn(today), Double::sum);
        }
        List<Breakdown> rows = new ArrayList<>();
        counts.forEach((value, count) -> rows.add(new Breakdown(value, labelOf(label, value), count[0],
                                                                 round(ftes.get(value)))));
        rows.sort(Comparator.comparingLong(Breakdown::contracts).reversed().thenComparing(Breakdown::key));
        return rows;
    }

    private static String labelOf(Function<String, String> label, String value) {
        try {
            String named = label.apply(value);
            return named == null ? value : named;
        } catch (RuntimeException unknown) {
            return value;
        }
    }

    private static String optionLabel(String option) {
        if (DashboardProjection.COLLECTIVE.equals(option)) {
            return "Aide collective";
        }
        AidOptionShares.Share share = AidOptionShares.all().get(option);
        return share == null ? option : share.label();
    }

    /** Month by month from the first start to today's month. */
    private static List<MonthOfContracts> months(List<ContractRow> contracts, LocalDate today) {
        List<MonthOfContracts> months = new ArrayList<>();
        LocalDate first = contracts.stream().map(ContractRow::startsOn).filter(d -> d != null && !d.isAfter(today))
                                   .min(Comparator.naturalOrder()).orElse(null);
        if (first == null) {
            return months;
        }
        for (YearMonth month = YearMonth.from(first); !month.isAfter(YearMonth.from(today));
             month = month.plusMonths(1)) {
            LocalDate day = month.equals(YearMonth.from(today)) ? today : month.atEndOfMonth();
            Map<String, Long> byVersion = new TreeMap<>();
            Map<String, Long> byOption = new TreeMap<>();
            Map<String, Double> fteByVersion = new TreeMap<>();
            Map<String, Double> fteByOption = new TreeMap<>();
            long count = 0;
            double fte = 0;
            for (ContractRow contract : contracts) {
                if (!contract.inForceOn(day)) {
                    continue;
                }
                String version = contract.versionOn(day);
                String option = contract.optionOn(day);
                double share = contract.fteOn(day);
                count++;
                fte += share;
                byVersion.merge(version, 1L, Long::sum);
                byOption.merge(option, 1L, Long::sum);
                fteByVersion.merge(version, share, Double::sum);
                fteByOption.merge(option, share, Double::sum);
            }
            fteByVersion.replaceAll((k, v) -> round(v));
            fteByOption.replaceAll((k, v) -> round(v));
            months.add(new MonthOfContracts(month.toString(), count, round(fte), byVersion, byOption, fteByVersion,
                                            fteByOption));
        }
        return months;
    }

    private static List<MonthOfPayments> payments(List<LineRow> lines, List<ContractRow> contracts,
                                                  LocalDate today) {
        Map<YearMonth, long[]> months = new TreeMap<>();
        LocalDate first = contracts.stream().map(ContractRow::startsOn).filter(java.util.Objects::nonNull)
                                   .min(Comparator.naturalOrder()).orElse(today);
        // from the first contract to a year ahead: what is already due in the coming months shows too
        YearMonth last = YearMonth.from(today).plusMonths(12);
        for (YearMonth m = YearMonth.from(first.isAfter(today) ? today : first); !m.isAfter(last); m = m.plusMonths(1)) {
            months.put(m, new long[4]);
        }
        for (LineRow line : lines) {
            if ("CANCELLED".equals(line.status())) {
                continue;
            }
            add(months, line.dueDate(), 0, Math.max(0, line.amountCents()));
            add(months, line.orderedOn(), 1, Math.max(0, line.orderedCents()));
            if ("PAID".equals(line.status())) {
                add(months, line.paidOn(), line.paidCents() >= 0 ? 2 : 3, Math.abs(line.paidCents()));
            }
        }
        List<MonthOfPayments> rows = new ArrayList<>();
        months.forEach((m, f) -> rows.add(new MonthOfPayments(m.toString(), f[0], f[1], f[2], f[3])));
        return rows;
    }

    private static void add(Map<YearMonth, long[]> months, LocalDate on, int figure, long cents) {
        if (on != null) {
            long[] month = months.get(YearMonth.from(on));
            if (month != null) {
                month[figure] += cents;
            }
        }
    }

    private static List<Bucket> achievement(List<Evaluation> evaluations) {
        List<Bucket> buckets = new ArrayList<>();
        for (int[] range : BUCKETS) {
            long count = evaluations.stream()
                                    .filter(e -> e.achievementRate() >= range[0] && e.achievementRate() <= range[1])
                                    .count();
            String label = range[1] == Integer.MAX_VALUE ? range[0] + " % et plus" : range[0] + "–" + range[1] + " %";
            buckets.add(new Bucket(label, range[0], range[1] == Integer.MAX_VALUE ? 1000 : range[1], count));
        }
        return buckets;
    }

    /** Open deadlines: not met, not missed (a missed one is recorded as such by the calendar, then counted overdue). */
    private static DashboardView.Deadlines deadlines(List<DeadlineRow> deadlines, LocalDate today) {
        Map<String, Long> within30 = new TreeMap<>();
        Map<String, Long> within90 = new TreeMap<>();
        Map<String, Long> overdue = new TreeMap<>();
        for (DeadlineRow deadline : deadlines) {
            if ("MISSED".equals(deadline.status())
                || "OPEN".equals(deadline.status()) && deadline.dueOn().isBefore(today)) {
                overdue.merge(deadline.kind(), 1L, Long::sum);
            } else if ("OPEN".equals(deadline.status())) {
                if (!deadline.dueOn().isAfter(today.plusDays(30))) {
                    within30.merge(deadline.kind(), 1L, Long::sum);
                }
                if (!deadline.dueOn().isAfter(today.plusDays(90))) {
                    within90.merge(deadline.kind(), 1L, Long::sum);
                }
            }
        }
        return new DashboardView.Deadlines(within30, within90, overdue);
    }

    private static List<Breakdown> suspensions(List<ContractRow> inForce, LocalDate today) {
        return breakdown(inForce.stream().filter(c -> c.suspendedOn(today)).toList(),
                         ContractRow::suspensionReason, today, Function.identity());
    }

    private static DashboardView.Orders orders(List<LineRow> lines) {
        long count = 0;
        long amount = 0;
        LocalDate oldest = null;
        for (LineRow line : lines) {
            if ("ORDERED".equals(line.status())) {
                count++;
                amount += line.orderedCents();
                if (oldest == null || line.orderedOn() != null && line.orderedOn().isBefore(oldest)) {
                    oldest = line.orderedOn();
                }
            }
        }
        return new DashboardView.Orders(count, amount, oldest);
    }

    private static double round(double fte) {
        return Math.round(fte * 100) / 100.0;
    }
}
