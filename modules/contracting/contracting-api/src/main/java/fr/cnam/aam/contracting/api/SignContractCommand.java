package fr.cnam.aam.contracting.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * The caisse and the doctor sign the aid contract (contrat type, Annexe 34 of Avenant 7), on the strength of an
 * ELIGIBLE assessment under the version in force on the signature date.
 */
public record SignContractCommand(
        @TargetAggregateIdentifier String contractId,
        String assessmentId,
        String rpps,
        String caisseCode,
        String departement,
        String option,
        String activityBand,
        Integer initialMtPatients,
        Integer initialFileActive,
        LocalDate signedOn) {
}
