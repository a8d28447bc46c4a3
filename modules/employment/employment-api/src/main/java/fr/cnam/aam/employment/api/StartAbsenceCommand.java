package fr.cnam.aam.employment.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** An absence begins: SICK_LEAVE, MATERNITY or OTHER. */
public record StartAbsenceCommand(@TargetAggregateIdentifier String assistantId, LocalDate startedOn, String kind) {
}
