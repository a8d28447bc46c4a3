package fr.cnam.aam.contracting.core.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;

/** A suspension or a resumption: the avenant that records it, why, and from when. */
record StepRequest(@NotBlank String avenantReference, String reason, @NotNull LocalDate effectiveOn) {
}
