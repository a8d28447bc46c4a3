package fr.cnam.aam.contracting.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Applies the amounts of a later version that reach existing contracts at their anniversary (2024: +5 %). */
public record RevalueAtAnniversaryCommand(@TargetAggregateIdentifier String contractId, LocalDate anniversaryOn) {
}
