package fr.cnam.aam.employment.core.web;

import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;

/** A step on a date, with a code where the step needs one (training, qualification, reason, kind, how). */
record DatedRequest(@NotNull LocalDate on, String code) {
}
