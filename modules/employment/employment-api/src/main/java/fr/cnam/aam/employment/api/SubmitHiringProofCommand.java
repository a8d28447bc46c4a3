package fr.cnam.aam.employment.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

public record SubmitHiringProofCommand(@TargetAggregateIdentifier String assistantId, LocalDate submittedOn) {
}
