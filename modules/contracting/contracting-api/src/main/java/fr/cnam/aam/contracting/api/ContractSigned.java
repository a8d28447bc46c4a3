package fr.cnam.aam.contracting.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * Revision 2 adds what decided the signature (assessment, version, rulebook revision), the band, the initial
 * patientèle, the contract's dates, its objectives and whether the practice is in a priority zone (as assessed);
 * a revision-1 event reads with those fields empty.
 */
@Revision("2")
public record ContractSigned(
        String contractId,
        String rpps,
        String caisseCode,
        String departement,
        String option,
        LocalDate signedOn,
        String assessmentId,
        String specialty,
        String activityBand,
        Integer initialMtPatients,
        Integer initialFileActive,
        LocalDate startsOn,
        LocalDate endsOn,
        String regulatoryVersion,
        String rulebookRevision,
        int objectivesFromYear,
        List<ContractObjective> objectives,
        Boolean priorityZone) implements ContractEvent {
}
