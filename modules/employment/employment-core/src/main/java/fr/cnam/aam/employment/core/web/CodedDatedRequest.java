package fr.cnam.aam.employment.core.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** A step on a date that needs a code (training, qualification, absence kind, departure reason, how replaced). */
record CodedDatedRequest(@NotNull LocalDate on, @NotBlank @Size(max = 64) String code) {
}
