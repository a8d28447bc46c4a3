package fr.cnam.aam.contracting.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Suspends the contract (aid and objectives) by avenant, e.g. the assistant absent more than 3 months. */
public record SuspendContractCommand(@TargetAggregateIdentifier String contractId, String avenantReference,
                                     String reason, LocalDate effectiveOn) {
}
