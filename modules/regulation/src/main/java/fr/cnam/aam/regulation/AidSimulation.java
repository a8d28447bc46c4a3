package fr.cnam.aam.regulation;

import java.util.List;

public record AidSimulation(RegulatoryVersion regulatoryVersion, String rulebookRevision, List<AidYear> years,
                            List<Payment> payments, List<Reason> reasons) {

    public boolean usesUnverifiedValues() {
        return reasons.stream().anyMatch(r -> r.confidence() == Confidence.UNVERIFIED)
               || years.stream().anyMatch(y -> y.rule().confidence() == Confidence.UNVERIFIED)
               || payments.stream().anyMatch(p -> p.rule().confidence() == Confidence.UNVERIFIED);
    }
}
