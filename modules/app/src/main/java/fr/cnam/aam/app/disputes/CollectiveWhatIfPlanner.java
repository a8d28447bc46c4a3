package fr.cnam.aam.app.disputes;

import fr.cnam.aam.kernel.BusinessRuleViolation;
import fr.cnam.aam.regulation.CollectiveRules;
import fr.cnam.aam.regulation.CollectiveYear;
import fr.cnam.aam.regulation.MissingParameter;
import fr.cnam.aam.regulation.RegulatoryVersion;
import fr.cnam.aam.regulation.Resolved;
import fr.cnam.aam.regulation.Rulebook;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A collective contract's years re-decided under another rulebook revision (a pure function, as
 * {@link WhatIfPlanner}): each year's aid as the contract recorded it for the ETP in force at the year's start,
 * beside the aid per ETP the asked revision gives for the same ETP, and the difference. The year's adjustments (an
 * avenant's days, a termination's, a modulation) stay in {@code recordedDue}; a year after the contract's last day
 * has no aid on either side. The asked revision re-decides the years from {@code fromYear}; earlier ones are shown as
 * recorded.
 */
final class CollectiveWhatIfPlanner {

    private CollectiveWhatIfPlanner() {
    }

    static WhatIf whatIf(AsOfView recorded, int fromYear, Rulebook rulebook) {
        AsOfView.ContractState contract = recorded.contract();
        AsOfView.CollectiveState group = recorded.collective();
        if (contract.signedOn() == null || group == null || group.terms().isEmpty()) {
            throw new BusinessRuleViolation("CONTRACT_UNKNOWN", "the collective contract is not signed");
        }
        RegulatoryVersion version = RegulatoryVersion.valueOf(contract.regulatoryVersion());
        // the years the contract recorded an aid for (counting from 29 February would lose one)
        int years = group.terms().get(0).aidByYear().size();
        WhatIfPlanner.requireWithin(fromYear, years);
        List<WhatIf.Year> out = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int year = 1; year <= years; year++) {
            LocalDate yearStart = contract.signedOn().plusYears(year - 1L);
            AsOfView.Terms held = termsAt(group.terms(), yearStart);
            BigDecimal recordedDue = WhatIfPlanner.linesOf(recorded, year).stream().map(AsOfView.LineState::amount)
                                                  .reduce(BigDecimal.ZERO, BigDecimal::add);
            // a year that starts after the contract's last day is due nothing, whatever the revision
            boolean after = contract.terminatesOn() != null && yearStart.isAfter(contract.terminatesOn());
            BigDecimal recordedAid = after || year > held.aidByYear().size() ? null : held.aidByYear().get(year - 1);
            BigDecimal whatIfAid = recordedAid;
            Resolved rule = rulebook.find(CollectiveRules.aidParameter(year), version, contract.signedOn());
            if (year >= fromYear && !after) {
                whatIfAid = aid(year, held.etpPermille(), version, contract.signedOn(), rulebook);
            }
            BigDecimal difference = recordedAid == null || whatIfAid == null ? null : whatIfAid.subtract(recordedAid);
            if (difference != null) {
                total = total.add(difference);
            }
            out.add(new WhatIf.Year(year, version.name(), recordedDue, recordedAid, version.name(), whatIfAid,
                    difference, CollectiveRules.aidParameter(year), rule == null ? null : rule.source(),
                    rule == null || rule.confidence() == null ? null : rule.confidence().code()));
        }
        return new WhatIf(recorded.contractId(), rulebook.revision(), version.name(), fromYear, out, total);
    }

    /** The terms in force on {@code date}: the latest recorded from a date on or before it. */
    private static AsOfView.Terms termsAt(List<AsOfView.Terms> terms, LocalDate date) {
        AsOfView.Terms held = terms.get(0);
        for (AsOfView.Terms t : terms) {
            if (!t.from().isAfter(date) && !t.from().isBefore(held.from())) {
                held = t;
            }
        }
        return held;
    }

    /** The year's aid for that ETP, or null when the revision publishes no figure for it. */
    private static BigDecimal aid(int year, int etpPermille, RegulatoryVersion version, LocalDate signedOn,
                                  Rulebook rulebook) {
        try {
            CollectiveYear decided = CollectiveRules.year(year, etpPermille, version, signedOn, rulebook);
            return AsOfFold.euros(decided.aidCents());
        } catch (MissingParameter notDecidable) {
            return null;
        }
    }
}
