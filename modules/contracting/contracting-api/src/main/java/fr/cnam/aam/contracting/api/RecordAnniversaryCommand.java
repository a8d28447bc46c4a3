package fr.cnam.aam.contracting.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Sent by the contract calendar when an anniversary comes: a new contract year begins. */
public record RecordAnniversaryCommand(@TargetAggregateIdentifier String contractId, LocalDate anniversaryOn) {
}
