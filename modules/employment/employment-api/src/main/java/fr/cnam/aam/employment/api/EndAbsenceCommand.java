package fr.cnam.aam.employment.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

public record EndAbsenceCommand(@TargetAggregateIdentifier String assistantId, LocalDate endedOn) {
}
