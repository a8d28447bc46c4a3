package fr.cnam.aam.contracting.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record ContractSuspended(String contractId, String avenantReference, String reason, LocalDate effectiveOn)
        implements ContractEvent {
}
