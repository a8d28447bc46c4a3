package fr.cnam.aam.app.disputes;

import fr.cnam.aam.regulation.AidRequest;
import fr.cnam.aam.regulation.AidRules;
import fr.cnam.aam.regulation.AidYear;
import fr.cnam.aam.regulation.MissingParameter;
import fr.cnam.aam.regulation.RegulatoryVersion;
import fr.cnam.aam.regulation.Rulebook;
import fr.cnam.aam.kernel.BusinessRuleViolation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Re-decides a contract's annual aid year by year from its recorded facts (a pure function: no store, no clock):
 * the recorded aid from the revision the year was decided with, the what-if from the asked one.
 */
final class WhatIfPlanner {

    private WhatIfPlanner() {
    }

    /**
     * {@code recordedRulebook} gives the revision a year's lines were decided with (the current one when it is no
     * longer known): the recorded aid is re-read from it, the what-if from {@code rulebook}.
     */
    static WhatIf whatIf(AsOfView recorded, RegulatoryVersion version, int fromYear, Rulebook rulebook,
                         java.util.function.Function<String, Rulebook> recordedRulebook) {
        AsOfView.ContractState contract = recorded.contract();
        if (contract.signedOn() == null) {
            throw new BusinessRuleViolation("CONTRACT_UNKNOWN", "the contract is not signed");
        }
        if (contract.endsOn() == null || contract.regulatoryVersion() == null) {
            // signatures of the first release recorded neither
            throw new BusinessRuleViolation("CONTRACT_INCOMPLETE", "this contract's signature records no term or "
                                            + "version: a what-if cannot re-decide it");
        }
        int years = (int) ChronoUnit.YEARS.between(contract.signedOn(), contract.endsOn().plusDays(1));
        requireWithin(fromYear, years);
        List<WhatIf.Year> out = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int year = 1; year <= years; year++) {
            List<AsOfView.LineState> ofYear = linesOf(recorded, year);
            String recordedVersion = ofYear.stream().map(AsOfView.LineState::regulatoryVersion)
                                           .filter(v -> v != null).findFirst().orElse(contract.regulatoryVersion());
            BigDecimal recordedDue = ofYear.stream().map(AsOfView.LineState::amount)
                                           .reduce(BigDecimal.ZERO, BigDecimal::add);
            RegulatoryVersion asked = year >= fromYear && version != null ? version
                                      : RegulatoryVersion.valueOf(recordedVersion);
            String option = optionAt(contract, contract.signedOn().plusYears(year - 1L));
            String recordedRevision = ofYear.stream().map(AsOfView.LineState::rulebookRevision)
                                            .filter(r -> r != null).reduce((a, b) -> b).orElse(null);
            AidYear before = aid(contract, RegulatoryVersion.valueOf(recordedVersion), option, year,
                                 recordedRulebook.apply(recordedRevision));
            AidYear after = aid(contract, asked, option, year, rulebook);
            BigDecimal recordedAid = before == null ? null : AsOfFold.euros(before.aidCents());
            BigDecimal whatIfAid = after == null ? null : AsOfFold.euros(after.aidCents());
            BigDecimal difference = recordedAid == null || whatIfAid == null ? null : whatIfAid.subtract(recordedAid);
            if (difference != null) {
                total = total.add(difference);
            }
            out.add(new WhatIf.Year(year, recordedVersion, recordedDue, recordedAid, asked.name(), whatIfAid,
                    difference, after == null ? null : after.rule().parameter(),
                    after == null ? null : after.rule().source(),
                    after == null || after.rule().confidence() == null ? null : after.rule().confidence().code()));
        }
        return new WhatIf(recorded.contractId(), rulebook.revision(), version == null ? null : version.name(),
                          fromYear, out, total);
    }

    static void requireWithin(int fromYear, int years) {
        if (fromYear > years) {
            throw new BusinessRuleViolation("YEAR_BEYOND_CONTRACT", "the contract has " + years + " years, not "
                                            + fromYear);
        }
    }

    /** The year's lines still due (not cancelled), as recorded. */
    static List<AsOfView.LineState> linesOf(AsOfView recorded, int year) {
        return recorded.lines().stream().filter(l -> l.contractYear() == year && !"CANCELLED".equals(l.status()))
                       .toList();
    }

    /** The option in force on {@code date}: the signature's, then each avenant's from its effective date. */
    private static String optionAt(AsOfView.ContractState contract, LocalDate date) {
        String option = null;
        for (Map<String, Object> avenant : contract.avenants()) {
            LocalDate from = (LocalDate) avenant.get("effectiveOn");
            if (!from.isAfter(date)) {
                option = (String) avenant.get("to");
            } else if (option == null) {
                option = (String) avenant.get("from");
            }
        }
        return option != null ? option : contract.option();
    }

    /** The year's aid, or null when the rulebook publishes no figure for it (indeterminate). */
    private static AidYear aid(AsOfView.ContractState contract, RegulatoryVersion version, String option, int year,
                               Rulebook rulebook) {
        try {
            return AidRules.aidForYear(new AidRequest(contract.signedOn(), version, option,
                                                      contract.activityBand(), null, null), year, rulebook);
        } catch (MissingParameter | BusinessRuleViolation notDecidable) {
            return null;
        }
    }
}
