package fr.cnam.aam.contracting.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * The collective contract ran to its term ({@code endedOn}, its last day); as after a termination, its members may
 * sign no new contract, individual or collective, before {@code waitingUntil} (S38: 2 years, barring the caisse
 * director's exceptions).
 */
@Revision("1")
public record CollectiveContractTermReached(String collectiveContractId, LocalDate endedOn, List<String> members,
                                            LocalDate waitingUntil, String regulatoryVersion,
                                            String rulebookRevision) implements CollectiveContractEvent {
}
