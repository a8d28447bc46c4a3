package fr.cnam.aam.contracting.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Records the caisse director's exception to a member's waiting period after the collective contract ended (S38:
 * "sauf exceptions décidées avec le directeur de la caisse"): the decision's reference, its date and why.
 */
public record WaiveWaitingPeriodCommand(@TargetAggregateIdentifier String collectiveContractId, String rpps,
                                        LocalDate decidedOn, String decisionReference, String reason) {
}
