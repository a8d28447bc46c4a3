package fr.cnam.aam.regulation;

import java.util.List;

/** The objectives of a contract, fixed at signature from the initial patientèle and band. */
public record ObjectiveSet(RegulatoryVersion regulatoryVersion, int evaluatedFromYear, boolean maintainOnly,
                           List<Objective> objectives, List<Reason> reasons) {
}
