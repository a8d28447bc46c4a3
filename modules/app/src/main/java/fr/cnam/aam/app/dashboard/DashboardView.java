package fr.cnam.aam.app.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The figures of one dashboard: the nation, a caisse, or a département (of a caisse or of the nation), on a
 * business date. Amounts in cents, ETP as decimals. Contracts "in force" are those started and not ended on
 * {@code asOf}, suspended ones included (a suspension stops the aid, not the contract).
 *
 * @param generation grows each time the figures behind the dashboards change (the live stream announces it)
 */
public record DashboardView(Scope scope, LocalDate asOf, long generation, Instant figuresLoadedAt, Totals totals,
                            List<Breakdown> byCaisse, List<Breakdown> byDepartement, List<Breakdown> byVersion,
                            List<Breakdown> byOption, List<Breakdown> bySpecialty, List<MonthOfContracts> contracts,
                            List<MonthOfPayments> payments, List<Bucket> achievement, Deadlines deadlines,
                            List<Breakdown> suspensionsByReason, Orders ordersAwaitingAnswer) {

    /** A null caisse is the nation; a null département, the whole caisse (or nation). */
    public record Scope(String caisse, String caisseName, String departement) {
    }

    public record Totals(long contractsInForce, long suspended, long ended, double fteInForce, long signedTotal,
                         long committedCents, long dueCents, long paidCents, long recoveredCents,
                         long evaluations, long objectivesReached) {
    }

    /** Contracts in force and their ETP for one value of a dimension. */
    public record Breakdown(String key, String label, long contracts, double fte) {
    }

    /** On the last day of the month (today for the current one): contracts and ETP in force, by version and option. */
    public record MonthOfContracts(String month, long contracts, double fte, Map<String, Long> byVersion,
                                   Map<String, Long> byOption, Map<String, Double> fteByVersion,
                                   Map<String, Double> fteByOption) {
    }

    /**
     * Money of a month: due (lines due that month, cancelled ones aside), ordered (orders issued that month), paid
     * (answered paid that month) and recovered (recoveries paid that month, as a positive figure).
     */
    public record MonthOfPayments(String month, long dueCents, long orderedCents, long paidCents,
                                  long recoveredCents) {
    }

    /** Evaluations whose achievement rate is in [from, to] percent. */
    public record Bucket(String label, int from, int to, long evaluations) {
    }

    /** Assistants' deadlines still open: due within 30 and 90 days, and already passed, by kind. */
    public record Deadlines(Map<String, Long> within30Days, Map<String, Long> within90Days,
                            Map<String, Long> overdue) {
    }

    public record Orders(long count, long amountCents, LocalDate oldestOrderedOn) {
    }
}
