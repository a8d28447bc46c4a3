package fr.cnam.aam.contracting.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** Contract year {@code contractYear} begins; {@code evaluationDue} when the year that just ended is evaluated. */
@Revision("1")
public record ContractAnniversaryReached(String contractId, LocalDate anniversaryOn, int contractYear,
                                         boolean evaluationDue, String regulatoryVersion,
                                         String rulebookRevision) implements ContractEvent {
}
