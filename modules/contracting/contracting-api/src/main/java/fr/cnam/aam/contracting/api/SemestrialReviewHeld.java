package fr.cnam.aam.contracting.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record SemestrialReviewHeld(String contractId, LocalDate heldOn, String summary) implements ContractEvent {
}
