package fr.cnam.aam.contracting.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record NonComplianceProcedureOpened(String contractId, String obligation, String assistantId,
                                           LocalDate missedOn) implements ContractEvent {
}
