package fr.cnam.aam.contracting.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Ends the contract: {@code by} is DOCTOR (with notice from {@code notifiedOn}), CAISSE (for non-compliance,
 * from {@code notifiedOn}) or TERM (at the contract's end date).
 */
public record TerminateContractCommand(@TargetAggregateIdentifier String contractId, String by, String reason,
                                       LocalDate notifiedOn) {
}
