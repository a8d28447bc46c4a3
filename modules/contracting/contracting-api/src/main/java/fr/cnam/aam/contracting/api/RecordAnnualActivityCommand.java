package fr.cnam.aam.contracting.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The doctor's patientèle at the end of a contract year, as the caisse's statistics give it. */
public record RecordAnnualActivityCommand(@TargetAggregateIdentifier String contractId, int contractYear,
                                          Integer mtPatients, Integer fileActive, LocalDate recordedOn) {
}
