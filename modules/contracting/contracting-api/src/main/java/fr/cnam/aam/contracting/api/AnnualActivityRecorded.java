package fr.cnam.aam.contracting.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record AnnualActivityRecorded(String contractId, int contractYear, Integer mtPatients, Integer fileActive,
                                     LocalDate recordedOn) implements ContractEvent {
}
