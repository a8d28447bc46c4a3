package fr.cnam.aam.contracting.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A member left the group's contract (which goes on: falling under the average is not by itself a ground to end
 * it, S38); the ETP cap from then on.
 */
@Revision("1")
public record CollectiveMemberLeft(String collectiveContractId, String rpps, LocalDate leftOn, String reason,
                                   int etpCapPermille) implements CollectiveContractEvent {
}
