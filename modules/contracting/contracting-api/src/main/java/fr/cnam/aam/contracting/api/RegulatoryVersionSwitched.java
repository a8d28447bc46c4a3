package fr.cnam.aam.contracting.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * The switch and its effect, under the revision named: on the aid of the current contract year (cents), and on the
 * objectives, which are those fixed at signature ({@code objectivesAfter}: a switch does not reset them).
 */
@Revision("1")
public record RegulatoryVersionSwitched(String contractId, String fromVersion, String toVersion,
                                        LocalDate effectiveOn, int contractYear, long aidBeforeCents,
                                        long aidAfterCents, String rulebookRevision, String reason,
                                        List<ContractObjective> objectivesAfter) implements ContractEvent {
}
