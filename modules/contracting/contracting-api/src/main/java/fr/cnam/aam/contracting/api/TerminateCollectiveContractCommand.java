package fr.cnam.aam.contracting.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Ends the collective contract: {@code by} GROUP or CAISSE, from {@code notifiedOn}. */
public record TerminateCollectiveContractCommand(@TargetAggregateIdentifier String collectiveContractId, String by,
                                                 String reason, LocalDate notifiedOn) {
}
