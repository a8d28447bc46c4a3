package fr.cnam.aam.employment.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** A qualification obtained: CQP, FAE, or a diploma (DEI, DEAS, DEAP). */
public record RecordQualificationCommand(@TargetAggregateIdentifier String assistantId, String qualification,
                                         LocalDate obtainedOn) {
}
