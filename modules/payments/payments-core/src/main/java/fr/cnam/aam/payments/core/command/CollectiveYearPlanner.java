package fr.cnam.aam.payments.core.command;

import fr.cnam.aam.regulation.CollectiveRules;
import fr.cnam.aam.regulation.Payment;
import fr.cnam.aam.regulation.Reason;
import fr.cnam.aam.regulation.RegulatoryVersion;
import fr.cnam.aam.regulation.Resolved;
import fr.cnam.aam.regulation.Rulebook;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A collective contract year's due amount and its calendar: a pure function. The year's aid is the one the contract
 * recorded for the ETP financed (never re-priced here), each avenant's for its days when the rulebook says so, or
 * its modulated amount once evaluated; the days after the contract's last day are not due when the rulebook says
 * so; the collective calendar then says when it is paid.
 */
final class CollectiveYearPlanner {

    private static final String ETP_CHANGE = "collective.payment.etpChange.proRataTemporis";
    private static final String TERMINATION = "collective.payment.termination.proRataTemporis";
    private static final String MODULATION = "collective.modulation.combination";

    private CollectiveYearPlanner() {
    }

    static YearTarget target(CollectiveScheduleFacts facts, int year, Rulebook rulebook) {
        RegulatoryVersion version = RegulatoryVersion.valueOf(facts.version());
        LocalDate start = facts.startOf(year);
        LocalDate end = facts.startOf(year + 1);
        long days = ChronoUnit.DAYS.between(start, end);
        List<CollectiveScheduleFacts.AidDays> parts = facts.aidWithin(year, start, end);
        CollectiveScheduleFacts.AidDays first = parts.get(0);
        long full = first.aidCents();
        // cited for its source and confidence; the amount itself is the one the contract recorded
        String perEtp = "collective.aid.perEtp.year" + Math.min(year, 3);
        String recorded = "the aid the contract recorded for year " + year + " and " + first.etpPermille() + "‰ ETP";
        Reason amountRule = YearPlanner.cite("COLLECTIVE_AID_RECORDED", recorded,
                rulebook.find(perEtp, version, facts.startsOn()),
                new Reason("COLLECTIVE_AID_RECORDED", recorded, perEtp, null, null));
        Reason adjustedBy = amountRule;
        StringBuilder why = new StringBuilder("year ").append(year).append(": ").append(YearPlanner.euros(full))
                .append(" for ").append(first.etpPermille()).append("‰ ETP, as the contract recorded it");
        Resolved etpChange = parts.size() > 1 ? YearPlanner.known(rulebook.find(ETP_CHANGE, version, start)) : null;
        if (etpChange != null && etpChange.asBoolean()) {
            full = 0;
            why.append("; the ETP changed during the year, each is due for its days:");
            for (CollectiveScheduleFacts.AidDays part : parts) {
                long share = YearPlanner.share(part.aidCents(), part.days(), days);
                full += share;
                why.append(' ').append(part.etpPermille()).append("‰ ").append(part.days()).append('/').append(days)
                   .append(" days = ").append(YearPlanner.euros(share)).append(';');
            }
            adjustedBy = YearPlanner.cite("ETP_CHANGED", "ETP changed during the year", etpChange, adjustedBy);
        }
        Long modulated = facts.modulatedAid().get(year);
        if (modulated != null) {
            full = modulated;
            adjustedBy = YearPlanner.cite("MODULATED", "modulated by the collective objectives achieved",
                                          rulebook.find(MODULATION, version, start), adjustedBy);
            why.append("; modulated to ").append(YearPlanner.euros(full)).append(" by the collective objectives");
        }
        long notDue = 0;
        if (facts.lastDay() != null && facts.lastDay().isBefore(end.minusDays(1))) {
            Resolved termination = YearPlanner.known(rulebook.find(TERMINATION, version, start));
            LocalDate firstOut = facts.lastDay().plusDays(1);
            long after = new Period(firstOut, end).daysWithin(start, end);
            if (!firstOut.isAfter(start) || termination != null && termination.asBoolean()) {
                notDue = Math.min(days, after);
                adjustedBy = YearPlanner.cite("TERMINATED", "contract ended on " + facts.lastDay(), termination,
                                              adjustedBy);
                why.append("; the contract ended on ").append(facts.lastDay()).append(": ").append(after)
                   .append(" days after it are not due (").append(TERMINATION).append(')');
            }
        }
        long due = notDue == 0 ? full : YearPlanner.share(full, days - notDue, days);
        if (notDue > 0) {
            why.append(": ").append(days - notDue).append(" of ").append(days).append(" days, ")
               .append(YearPlanner.euros(due));
        }
        List<Payment> slots = due == 0 ? List.of()
                : CollectiveRules.calendar(year, facts.startsOn(), due, version, rulebook);
        return new YearTarget(year, version.name(), due, amountRule, adjustedBy, slots, why.toString());
    }
}
