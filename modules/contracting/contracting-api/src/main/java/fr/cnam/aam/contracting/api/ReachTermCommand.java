package fr.cnam.aam.contracting.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Sent by the contract calendar the day after the contract's end date. */
public record ReachTermCommand(@TargetAggregateIdentifier String contractId, LocalDate on) {
}
