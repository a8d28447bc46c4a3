package fr.cnam.aam.contracting.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** A doctor joins the group's contract by an individual membership form. */
public record JoinCollectiveContractCommand(@TargetAggregateIdentifier String collectiveContractId,
                                            CollectiveMember member, LocalDate joinedOn) {
}
