package fr.cnam.aam.contracting.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Evaluates a contract year (from year 3) against the objectives fixed at signature. */
public record EvaluateObjectivesCommand(@TargetAggregateIdentifier String contractId, int contractYear,
                                        LocalDate evaluatedOn) {
}
