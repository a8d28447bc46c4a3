package fr.cnam.aam.payments.api;

import org.axonframework.serialization.Revision;

/** A change the schedule took in, under the rulebook revision named; the line events it caused follow it. */
@Revision("1")
public record ContractChangeRecorded(String scheduleId, String contractId, ContractChange change,
                                     String rulebookRevision) {
}
