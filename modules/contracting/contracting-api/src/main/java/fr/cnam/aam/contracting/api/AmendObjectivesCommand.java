package fr.cnam.aam.contracting.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.Map;

/** An avenant that changes the objectives' targets, after a semestrial review; targets by criterion. */
public record AmendObjectivesCommand(@TargetAggregateIdentifier String contractId, String avenantReference,
                                     LocalDate effectiveOn, Map<String, Integer> targets, String reason) {
}
