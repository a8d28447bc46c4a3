package fr.cnam.aam.contracting.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The calendar's: {@code on} is the day after the collective contract's last day. */
public record ReachCollectiveTermCommand(@TargetAggregateIdentifier String collectiveContractId, LocalDate on) {
}
