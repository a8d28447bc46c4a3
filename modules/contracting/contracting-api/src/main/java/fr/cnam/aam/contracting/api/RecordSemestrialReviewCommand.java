package fr.cnam.aam.contracting.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The half-yearly exchange meeting between the caisse and the doctor (point d'échange semestriel). */
public record RecordSemestrialReviewCommand(@TargetAggregateIdentifier String contractId, LocalDate heldOn,
                                            String summary) {
}
