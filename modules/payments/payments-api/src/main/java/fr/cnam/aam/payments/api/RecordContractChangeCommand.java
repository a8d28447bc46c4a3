package fr.cnam.aam.payments.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Tells a schedule what changed; it re-plans the lines not yet ordered and adds complements or recoveries. */
public record RecordContractChangeCommand(@TargetAggregateIdentifier String scheduleId, ContractChange change) {
}
