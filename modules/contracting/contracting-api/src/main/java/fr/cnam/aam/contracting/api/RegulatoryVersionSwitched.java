package fr.cnam.aam.contracting.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The switch and its effect on the aid of the current contract year (cents), under the revision named. */
@Revision("1")
public record RegulatoryVersionSwitched(String contractId, String fromVersion, String toVersion,
                                        LocalDate effectiveOn, int contractYear, long aidBeforeCents,
                                        long aidAfterCents, String rulebookRevision, String reason)
        implements ContractEvent {
}
