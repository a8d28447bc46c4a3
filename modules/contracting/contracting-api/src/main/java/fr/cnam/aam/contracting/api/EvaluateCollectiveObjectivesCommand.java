package fr.cnam.aam.contracting.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Evaluates a contract year from the group's collective increases of patientèle MT and file active. */
public record EvaluateCollectiveObjectivesCommand(@TargetAggregateIdentifier String collectiveContractId,
                                                  int contractYear, LocalDate evaluatedOn, int mtPatientsReached,
                                                  int fileActiveReached) {
}
