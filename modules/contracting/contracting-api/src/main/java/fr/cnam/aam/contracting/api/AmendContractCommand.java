package fr.cnam.aam.contracting.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** An avenant to the contract: here, a change of the aid option from a date. */
public record AmendContractCommand(
        @TargetAggregateIdentifier String contractId,
        String avenantReference,
        String option,
        LocalDate effectiveOn,
        String reason) {
}
