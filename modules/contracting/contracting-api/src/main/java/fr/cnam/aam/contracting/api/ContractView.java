package fr.cnam.aam.contracting.api;

import java.time.LocalDate;
import java.util.List;

/** A contract as the projection sees it; {@code version} is the sequence number of the last event applied. */
public record ContractView(
        String contractId,
        String rpps,
        String caisseCode,
        String departement,
        String option,
        LocalDate signedOn,
        List<Avenant> avenants,
        long version,
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
        String status,
        LocalDate terminatesOn,
        List<Step> history) {

    /** A suspension, resumption or termination, in the order they happened. */
    public record Step(String type, LocalDate effectiveOn, String avenantReference, String reason) {
    }


    public record Avenant(String reference, String previousOption, String option, LocalDate effectiveOn,
                          String reason) {
    }
}
