package fr.cnam.aam.contracting.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * The assistant left with no replacement, or is away too long: the caisse is to propose a suspension, which an
 * avenant agreed with the doctor then records (S27, S28).
 */
public record ProposeSuspensionCommand(@TargetAggregateIdentifier String contractId, String cause,
                                       String assistantId, LocalDate since) {
}
