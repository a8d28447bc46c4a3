package fr.cnam.aam.contracting.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record SuspensionProposed(String contractId, String cause, String assistantId, LocalDate since)
        implements ContractEvent {
}
