package fr.cnam.aam.contracting.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record ContractRenewed(String contractId, LocalDate decidedOn, LocalDate newTermStartsOn,
                              LocalDate newTermEndsOn, String durationSource, String durationConfidence,
                              String regulatoryVersion, String rulebookRevision) implements ContractEvent {
}
