package fr.cnam.aam.regulation;

import java.util.List;

/** The answer of an eligibility assessment, with the version and rulebook revision that gave it. */
public record EligibilityDecision(EligibilityStatus status, RegulatoryVersion regulatoryVersion,
                                  String rulebookRevision, List<String> options, List<Reason> reasons) {

    public boolean usesUnverifiedValues() {
        return reasons.stream().anyMatch(r -> r.confidence() == Confidence.UNVERIFIED);
    }
}
