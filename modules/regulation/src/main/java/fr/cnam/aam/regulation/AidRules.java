package fr.cnam.aam.regulation;

import fr.cnam.aam.kernel.BusinessRuleViolation;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * The aid of a contract year by year, and when it is paid: a pure function of the request and the rulebook.
 * Amounts are in euro cents.
 */
public final class AidRules {

    private static final int MONTHS_PER_YEAR = 12;
    private static final int PERCENT = 100;
    private static final String ABOVE_P95 = "ABOVE_P95";
    private static final String P90_P95 = "P90_P95";

    private AidRules() {
    }

    public static AidSimulation simulate(AidRequest request, Rulebook rulebook) {
        RegulatoryVersion version = request.version() != null ? request.version()
                                                              : rulebook.versionOn(request.signedOn());
        if (version.kind() != RegulatoryVersion.Kind.INDIVIDUAL) {
            throw new BusinessRuleViolation("VERSION_KIND_MISMATCH", "the individual aid is not "
                    + "decided under " + version + ": the collective aid has its own rules (CollectiveRules)");
        }
        List<Reason> reasons = new ArrayList<>();
        Resolved open = rulebook.resolve("options.available", version, request.signedOn());
        Resolved second = rulebook.find("options.secondAssistant", version, request.signedOn());
        if (open.includes(request.option())) {
            reasons.add(Reason.of("OPTION_OPEN", request.option() + " is open under " + version, open));
        } else if (second != null && second.known() && second.includes(request.option())) {
            reasons.add(Reason.of("SECOND_ASSISTANT_OPTION", request.option() + " is a second-assistant option "
                                  + "under " + version + " (its conditions are checked at eligibility)", second));
        } else {
            throw new BusinessRuleViolation("OPTION_NOT_OPEN", "option " + request.option() + " is not open to a "
                    + "contract signed under " + version + " (open: " + open.asCodes() + ")");
        }

        Resolved duration = rulebook.resolve("contract.durationYears", version, request.signedOn());
        reasons.add(Reason.of("CONTRACT_DURATION", duration.asInt() + " contract years", duration));
        List<AidYear> years = new ArrayList<>();
        for (int year = 1; year <= duration.asInt(); year++) {
            years.add(year(request, version, year, rulebook));
        }
        List<Payment> payments = payments(request, version, years, rulebook);
        return new AidSimulation(version, rulebook.revision(), years, payments, reasons);
    }

    /** The aid of one contract year, without the rest of the simulation. */
    public static AidYear aidForYear(AidRequest request, int year, Rulebook rulebook) {
        return aidForYear(request, year, rulebook, true);
    }

    /** As above; without {@code revalued}, the contract's own version's amounts, as before any revaluation. */
    public static AidYear aidForYear(AidRequest request, int year, Rulebook rulebook, boolean revalued) {
        RegulatoryVersion version = request.version() != null ? request.version()
                                                              : rulebook.versionOn(request.signedOn());
        return year(request, version, year, rulebook, revalued);
    }

    private static AidYear year(AidRequest request, RegulatoryVersion version, int year, Rulebook rulebook) {
        return year(request, version, year, rulebook, true);
    }

    private static AidYear year(AidRequest request, RegulatoryVersion version, int year, Rulebook rulebook,
                                boolean revalued) {
        LocalDate startsOn = request.signedOn().plusYears(year - 1L);
        RegulatoryVersion amountsOf = revalued ? amountsVersion(version, startsOn, rulebook) : version;
        Resolved steadyFrom = rulebook.resolve("aid.steadyFromYear", amountsOf, startsOn);
        String key;
        if (ABOVE_P95.equals(request.activityBand())) {
            key = "majoration." + ABOVE_P95;
        } else if (P90_P95.equals(request.activityBand()) && year >= steadyFrom.asInt()) {
            key = "majoration." + P90_P95;
        } else {
            key = "year" + Math.min(year, steadyFrom.asInt());
        }
        Resolved amount = rulebook.resolve("aid." + request.option() + "." + key, amountsOf, startsOn);
        long aid = amount.asLong();
        Long employer = request.monthlyEmployerCostCents() == null ? null
                                                                   : request.monthlyEmployerCostCents() * MONTHS_PER_YEAR;
        Long net = employer == null ? null : employer - aid;
        String why = amountsOf == version ? "amount of " + version
                                          : "amount of " + amountsOf + " from the anniversary of " + startsOn;
        return new AidYear(year, startsOn, amountsOf, aid, employer, net, Reason.of("AID_AMOUNT", why, amount));
    }

    /** A later version whose amounts reach existing contracts at their anniversary, if one is in force by then. */
    private static RegulatoryVersion amountsVersion(RegulatoryVersion version, LocalDate yearStart, Rulebook rulebook) {
        RegulatoryVersion result = version;
        for (RegulatoryVersion later : RegulatoryVersion.values()) {
            // only a later text of the same kind revalues a contract (the collective aid is not a revaluation)
            if (!later.inheritsFrom(version) || later == version || rulebook.startOf(later).isAfter(yearStart)) {
                continue;
            }
            Resolved revalues = optional(rulebook, "aid.revaluation.atAnniversary", later, yearStart);
            if (revalues != null && revalues.asBoolean() && revalues.definedBy() == later) {
                result = later;
            }
        }
        return result;
    }

    private static List<Payment> payments(AidRequest request, RegulatoryVersion version, List<AidYear> years,
                                          Rulebook rulebook) {
        List<Payment> payments = new ArrayList<>();
        for (AidYear year : years) {
            payments.addAll(calendar(year, version, request.signedOn(), request.hiredOn(), rulebook));
        }
        return payments;
    }

    /**
     * When a year's aid ({@code year.aidCents()}) is paid under {@code version}'s calendar: the calendar in force
     * for the contract, read on its signature or, for a contract that moved to a later version, on that version's
     * start. {@code hiredOn} dates the 2019 advance (the signature when not yet proven).
     */
    public static List<Payment> calendar(AidYear year, RegulatoryVersion version, LocalDate signedOn,
                                         LocalDate hiredOn, Rulebook rulebook) {
        LocalDate signed = signedOn;
        LocalDate on = rulebook.startOf(version).isAfter(signed) ? rulebook.startOf(version) : signed;
        List<Payment> payments = new ArrayList<>();
        Resolved atAnniversary = rulebook.resolve("payment.yearly.atAnniversary", version, on);
        Resolved advance = optional(rulebook, "payment.advance.percent", version, on);
        Resolved inFull = optional(rulebook, "payment.year1.inFullMonthAfterSignature", version, on);
        Resolved instalmentsFrom = optional(rulebook, "payment.instalments.fromYear", version, on);
        if (year.year() == 1 && advance != null) {
            Resolved days = rulebook.resolve("payment.advance.daysAfterHiring", version, on);
            LocalDate hired = hiredOn == null ? signed : hiredOn;
            long first = year.aidCents() * advance.asInt() / PERCENT;
            payments.add(new Payment(hired.plusDays(days.asInt()), first, 1, Reason.of("ADVANCE",
                    advance.asInt() + " % of year 1 within " + days.asInt() + " days of the hiring", advance)));
            payments.add(new Payment(signed.plusYears(1), year.aidCents() - first, 1, Reason.of("BALANCE",
                    "balance of year 1 at the first anniversary", atAnniversary)));
        } else if (year.year() == 1 && inFull != null && inFull.asBoolean()) {
            payments.add(new Payment(signed.plusMonths(1).with(TemporalAdjusters.lastDayOfMonth()),
                    year.aidCents(), 1, Reason.of("YEAR_1_IN_FULL", "year 1 in full in the month after signature",
                                                  inFull)));
        } else if (instalmentsFrom != null && year.year() >= instalmentsFrom.asInt()) {
            Resolved count = rulebook.resolve("payment.instalments.count", version, on);
            Resolved months = rulebook.resolve("payment.instalments.monthsBetween", version, on);
            long each = year.aidCents() / count.asInt();
            for (int i = 0; i < count.asInt(); i++) {
                long amount = i == count.asInt() - 1 ? year.aidCents() - each * (count.asInt() - 1) : each;
                payments.add(new Payment(year.startsOn().plusMonths((long) i * months.asInt()), amount,
                        year.year(), Reason.of("INSTALMENT", "instalment " + (i + 1) + " of " + count.asInt(),
                                               i == 0 ? count : months)));
            }
        } else {
            payments.add(new Payment(year.startsOn(), year.aidCents(), year.year(),
                    Reason.of("AT_ANNIVERSARY", "paid at the anniversary opening year " + year.year(),
                              atAnniversary)));
        }
        return payments;
    }

    private static Resolved optional(Rulebook rulebook, String name, RegulatoryVersion version, LocalDate date) {
        Resolved resolved = rulebook.find(name, version, date);
        return resolved != null && resolved.known() ? resolved : null;
    }
}
