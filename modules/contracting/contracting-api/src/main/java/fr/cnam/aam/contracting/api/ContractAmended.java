package fr.cnam.aam.contracting.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record ContractAmended(
        String contractId,
        String avenantReference,
        String previousOption,
        String option,
        LocalDate effectiveOn,
        String reason,
        String regulatoryVersion,
        String rulebookRevision) implements ContractEvent {
}
