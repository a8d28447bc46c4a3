package fr.cnam.aam.contracting.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * The collective contract ended ({@code by} GROUP or CAISSE); its members may sign no new contract, individual or
 * collective, before {@code waitingUntil} (S38: 2 years, barring the caisse director's exceptions).
 */
@Revision("1")
public record CollectiveContractTerminated(String collectiveContractId, String by, String reason,
                                           LocalDate notifiedOn, LocalDate effectiveOn, List<String> members,
                                           LocalDate waitingUntil, String regulatoryVersion,
                                           String rulebookRevision) implements CollectiveContractEvent {
}
