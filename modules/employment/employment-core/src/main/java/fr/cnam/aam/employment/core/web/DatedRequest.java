package fr.cnam.aam.employment.core.web;

import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;

/** A step on a date (a proof, an absence's end); a {@code code} sent along is not used. */
record DatedRequest(@NotNull LocalDate on, String code) {
}
