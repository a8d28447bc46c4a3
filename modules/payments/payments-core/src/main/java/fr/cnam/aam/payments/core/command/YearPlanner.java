package fr.cnam.aam.payments.core.command;

import fr.cnam.aam.regulation.AidRequest;
import fr.cnam.aam.regulation.AidRules;
import fr.cnam.aam.regulation.AidYear;
import fr.cnam.aam.regulation.Payment;
import fr.cnam.aam.regulation.Reason;
import fr.cnam.aam.regulation.RegulatoryVersion;
import fr.cnam.aam.regulation.Resolved;
import fr.cnam.aam.regulation.Rulebook;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A contract year's due amount and its calendar, from the facts and the rulebook: a pure function. The year's aid
 * (or its modulated amount once evaluated) is lowered pro rata temporis of the days not due — suspended, or after
 * the contract's last day — when the rulebook says so; the calendar of the year's version then splits it.
 */
final class YearPlanner {

    private static final String TERMINATION = "payment.termination.proRataTemporis";
    private static final String SUSPENSION = "payment.suspension.proRataTemporis";
    private static final String MODULATION = "modulation.belowIsProRata";
    private static final String OPTION_CHANGE = "payment.optionChange.proRataTemporis";

    private YearPlanner() {
    }

    static YearTarget target(ScheduleFacts facts, int year, Rulebook rulebook) {
        RegulatoryVersion version = RegulatoryVersion.valueOf(facts.versionOf(year));
        LocalDate start = facts.startOf(year);
        LocalDate end = facts.startOf(year + 1);
        long days = ChronoUnit.DAYS.between(start, end);
        List<ScheduleFacts.OptionDays> options = facts.optionsWithin(start, end);
        AidYear aid = aidOf(facts, version, options.get(0).option(), year, rulebook);
        long full = aid.aidCents();
        Reason adjustedBy = aid.rule();
        StringBuilder why = new StringBuilder("year ").append(year).append(": ").append(euros(full))
                .append(" (").append(aid.rule().message()).append(", ").append(aid.rule().parameter()).append(')');
        Resolved optionChange = options.size() > 1 ? known(rulebook.find(OPTION_CHANGE, version, start)) : null;
        if (optionChange != null && optionChange.asBoolean()) {
            full = 0;
            why.append("; the option changed during the year, each is due for its days:");
            for (ScheduleFacts.OptionDays part : options) {
                long aidOfPart = aidOf(facts, version, part.option(), year, rulebook).aidCents();
                long share = share(aidOfPart, part.days(), days);
                full += share;
                why.append(' ').append(part.option()).append(' ').append(part.days()).append('/').append(days)
                   .append(" days = ").append(euros(share)).append(';');
            }
            adjustedBy = cite("OPTION_CHANGED", "option changed during the year", optionChange, adjustedBy);
        }
        Long modulated = facts.modulatedAid().get(year);
        if (modulated != null) {
            full = modulated;
            adjustedBy = cite("MODULATED", "modulated by the objectives achieved",
                              rulebook.find(MODULATION, version, start), adjustedBy);
            why.append("; modulated to ").append(euros(full)).append(" by the objectives achieved");
        }
        long notDue = 0;
        Resolved suspension = known(rulebook.find(SUSPENSION, version, start));
        if (suspension != null && suspension.asBoolean()) {
            long suspended = facts.suspensions().stream().mapToLong(p -> p.daysWithin(start, end)).sum();
            if (suspended > 0) {
                notDue += suspended;
                adjustedBy = cite("SUSPENDED", suspended + " days suspended", suspension, adjustedBy);
                why.append("; ").append(suspended).append(" days suspended are not due (").append(SUSPENSION)
                   .append(')');
            }
        }
        if (facts.lastDay() != null && facts.lastDay().isBefore(end.minusDays(1))) {
            Resolved termination = known(rulebook.find(TERMINATION, version, start));
            LocalDate firstOut = facts.lastDay().plusDays(1);
            long after = new Period(firstOut, end).daysWithin(start, end);
            if (!firstOut.isAfter(start) || termination != null && termination.asBoolean()) {
                notDue = Math.min(days, notDue + after);
                adjustedBy = cite("TERMINATED", "contract ended on " + facts.lastDay(),
                                  termination == null ? null : termination, adjustedBy);
                why.append("; the contract ended on ").append(facts.lastDay()).append(": ").append(after)
                   .append(" days after it are not due (").append(TERMINATION).append(')');
            }
        }
        long due = notDue == 0 ? full : share(full, days - notDue, days);
        if (notDue > 0) {
            why.append(": ").append(days - notDue).append(" of ").append(days).append(" days, ").append(euros(due));
        }
        List<Payment> slots = due == 0 ? List.of() : AidRules.calendar(
                new AidYear(year, start, aid.amountsOf(), due, null, null, aid.rule()), version, facts.startsOn(),
                facts.hiredOn(), rulebook);
        return new YearTarget(year, version.name(), due, aid.rule(), adjustedBy, slots, why.toString());
    }

    private static AidYear aidOf(ScheduleFacts facts, RegulatoryVersion version, String option, int year,
                                 Rulebook rulebook) {
        return AidRules.aidForYear(new AidRequest(facts.startsOn(), version, option, facts.activityBand(), null,
                                                  null), year, rulebook);
    }

    /** {@code cents} × {@code part} / {@code whole}, to the nearest cent. */
    static long share(long cents, long part, long whole) {
        return BigDecimal.valueOf(cents).multiply(BigDecimal.valueOf(part))
                         .divide(BigDecimal.valueOf(whole), 0, RoundingMode.HALF_UP).longValueExact();
    }

    static Resolved known(Resolved resolved) {
        return resolved != null && resolved.known() ? resolved : null;
    }

    static Reason cite(String code, String message, Resolved rule, Reason otherwise) {
        return rule == null ? otherwise : new Reason(code, message, rule.parameter(), rule.source(),
                                                     rule.confidence());
    }

    static String euros(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString() + " €";
    }
}
