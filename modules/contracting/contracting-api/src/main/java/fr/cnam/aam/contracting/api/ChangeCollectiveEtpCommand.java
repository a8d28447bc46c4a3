package fr.cnam.aam.contracting.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** An avenant changing the ETP the group finances (per mille), within its cap. */
public record ChangeCollectiveEtpCommand(@TargetAggregateIdentifier String collectiveContractId,
                                         String avenantReference, int etpPermille, LocalDate effectiveOn) {
}
