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
        // the aid the contract recorded for the year's first day: what an evaluation of the year modulates
        CollectiveScheduleFacts.AidDays first = facts.aidWithin(year, start, end).get(0);
        String perEtp = CollectiveRules.aidParameter(year);
        String recorded = "the aid the contract recorded for year " + year + " and " + first.etpPermille() + "‰ ETP";
        // cited for its source and confidence; the amount itself is the one the contract recorded
        Reason amountRule = YearPlanner.cite("COLLECTIVE_AID_RECORDED", recorded,
                rulebook.find(perEtp, version, facts.startsOn()),
                new Reason("COLLECTIVE_AID_RECORDED", recorded, perEtp, null, null));
        Reason adjustedBy = amountRule;
        StringBuilder why = new StringBuilder("year ").append(year).append(": ")
                .append(YearPlanner.euros(first.aidCents())).append(" for ").append(first.etpPermille())
                .append("‰ ETP, as the contract recorded it");

        // the days due: to the year's end, or to the contract's last day when the rulebook pays only the days served
        LocalDate dueUntil = end;
        if (facts.lastDay() != null && facts.lastDay().isBefore(end.minusDays(1))) {
            LocalDate firstOut = facts.lastDay().plusDays(1);
            Resolved termination = YearPlanner.known(rulebook.find(TERMINATION, version, start));
            if (!firstOut.isAfter(start) || termination != null && termination.asBoolean()) {
                dueUntil = firstOut.isAfter(start) ? firstOut : start;
                adjustedBy = YearPlanner.cite("TERMINATED", "contract ended on " + facts.lastDay(), termination,
                                              adjustedBy);
                why.append("; the contract ended on ").append(facts.lastDay()).append(": only the ")
                   .append(ChronoUnit.DAYS.between(start, dueUntil)).append(" days served of ").append(days)
                   .append(" are due (").append(TERMINATION).append(')');
            }
        }
        if (!dueUntil.isAfter(start)) {
            return new YearTarget(year, version.name(), 0, amountRule, adjustedBy, List.of(), why.toString());
        }

        // each recorded aid for its days (ETP avenants), cut at the last day due; else the year's first aid
        List<CollectiveScheduleFacts.AidDays> parts = facts.aidWithin(year, start, dueUntil);
        Resolved etpChange = facts.aidWithin(year, start, end).size() > 1
                             ? YearPlanner.known(rulebook.find(ETP_CHANGE, version, start)) : null;
        long due;
        if (etpChange != null && etpChange.asBoolean()) {
            due = 0;
            why.append("; the ETP changed during the year, each is due for its days:");
            for (CollectiveScheduleFacts.AidDays part : parts) {
                long share = YearPlanner.share(part.aidCents(), part.days(), days);
                due += share;
                why.append(' ').append(part.etpPermille()).append("‰ ").append(part.days()).append('/').append(days)
                   .append(" days = ").append(YearPlanner.euros(share)).append(';');
            }
            adjustedBy = YearPlanner.cite("ETP_CHANGED", "ETP changed during the year", etpChange, adjustedBy);
        } else {
            due = YearPlanner.share(first.aidCents(), ChronoUnit.DAYS.between(start, dueUntil), days);
        }

        // an evaluation recorded the year's first aid modulated: the same rate applies to what is due
        Long modulated = facts.modulatedAid().get(year);
        if (modulated != null && modulated != first.aidCents()) {
            due = first.aidCents() == 0 ? 0 : YearPlanner.share(due, modulated, first.aidCents());
            adjustedBy = YearPlanner.cite("MODULATED", "modulated by the collective objectives achieved",
                                          rulebook.find(MODULATION, version, start), adjustedBy);
            why.append("; modulated by the collective objectives, ").append(YearPlanner.euros(modulated))
               .append(" of ").append(YearPlanner.euros(first.aidCents()));
        }
        why.append(": ").append(YearPlanner.euros(due));
        List<Payment> slots = due == 0 ? List.of()
                : CollectiveRules.calendar(year, facts.startsOn(), due, version, rulebook);
        return new YearTarget(year, version.name(), due, amountRule, adjustedBy, slots, why.toString());
    }
}
