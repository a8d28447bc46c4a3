package fr.cnam.aam.employment.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

public record StartTrainingCommand(@TargetAggregateIdentifier String assistantId, LocalDate startedOn,
                                   String training) {
}
