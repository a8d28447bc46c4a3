package fr.cnam.aam.contracting.core.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;
import java.util.Map;

/** New targets by criterion ({@code MT_PATIENTS}, {@code FILE_ACTIVE}), agreed after a semestrial review. */
record ObjectivesRequest(@NotBlank String avenantReference, @NotNull LocalDate effectiveOn,
                         @NotEmpty Map<String, @NotNull @jakarta.validation.constraints.Min(0) Integer> targets, String reason) {
}
