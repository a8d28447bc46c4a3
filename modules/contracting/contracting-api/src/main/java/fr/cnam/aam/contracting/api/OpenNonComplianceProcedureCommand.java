package fr.cnam.aam.contracting.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** An obligation of the contract was not met (e.g. the assistant's qualification): the caisse opens a procedure. */
public record OpenNonComplianceProcedureCommand(@TargetAggregateIdentifier String contractId, String obligation,
                                                String assistantId, LocalDate missedOn) {
}
