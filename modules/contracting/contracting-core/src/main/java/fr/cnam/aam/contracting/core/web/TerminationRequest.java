package fr.cnam.aam.contracting.core.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.LocalDate;

record TerminationRequest(@NotBlank @Pattern(regexp = "DOCTOR|CAISSE|TERM") String by, @NotBlank String reason,
                          @NotNull LocalDate notifiedOn) {
}
