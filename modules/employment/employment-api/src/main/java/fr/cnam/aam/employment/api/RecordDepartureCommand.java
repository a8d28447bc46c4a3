package fr.cnam.aam.employment.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The assistant left: RESIGNATION, DISMISSAL or OTHER. */
public record RecordDepartureCommand(@TargetAggregateIdentifier String assistantId, LocalDate leftOn,
                                     String reason) {
}
