package fr.cnam.aam.contracting.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Renews the contract for a new term starting the day after the current one ends. */
public record RenewContractCommand(@TargetAggregateIdentifier String contractId, LocalDate decidedOn) {
}
