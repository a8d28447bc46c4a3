package fr.cnam.aam.contracting.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** A member leaves the group's contract. */
public record LeaveCollectiveContractCommand(@TargetAggregateIdentifier String collectiveContractId, String rpps,
                                             LocalDate leftOn, String reason) {
}
