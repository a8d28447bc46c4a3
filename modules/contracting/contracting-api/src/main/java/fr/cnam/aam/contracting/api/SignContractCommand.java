package fr.cnam.aam.contracting.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The caisse and the doctor sign the aid contract (contrat type, Annexe 34 of Avenant 7). */
public record SignContractCommand(
        @TargetAggregateIdentifier String contractId,
        String rpps,
        String caisseCode,
        String departement,
        String option,
        LocalDate signedOn) {
}
