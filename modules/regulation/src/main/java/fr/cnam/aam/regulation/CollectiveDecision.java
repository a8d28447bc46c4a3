package fr.cnam.aam.regulation;

import java.util.List;

/**
 * The collective aid decided for a group on a date: eligible or not (or indeterminate) with every reason, the
 * members' average patientèle médecin traitant, the ETP cap and the ETP chosen (per mille), the aid of each
 * contract year, the collective objectives; under the version and rulebook revision named.
 */
public record CollectiveDecision(EligibilityStatus status, RegulatoryVersion regulatoryVersion,
                                 String rulebookRevision, int members, double averageMtPatients, int etpCapPermille,
                                 int etpPermille, List<CollectiveYear> aid, CollectiveObjectives objectives,
                                 List<Reason> reasons) {
}
