package fr.cnam.aam.contracting.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** At the doctor's request, moves the contract to a later regulatory version in force on {@code requestedOn}. */
public record SwitchRegulatoryVersionCommand(@TargetAggregateIdentifier String contractId, String toVersion,
                                             LocalDate requestedOn, String reason) {
}
