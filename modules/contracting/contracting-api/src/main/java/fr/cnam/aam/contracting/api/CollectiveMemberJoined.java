package fr.cnam.aam.contracting.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A doctor joined by an individual membership form; the ETP cap it gives the group from then on. */
@Revision("1")
public record CollectiveMemberJoined(String collectiveContractId, CollectiveMember member, LocalDate joinedOn,
                                     int etpCapPermille) implements CollectiveContractEvent {
}
