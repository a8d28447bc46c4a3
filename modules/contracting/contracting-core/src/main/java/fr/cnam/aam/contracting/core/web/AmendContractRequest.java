package fr.cnam.aam.contracting.core.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;

record AmendContractRequest(
        @NotBlank String avenantReference,
        @NotBlank String option,
        @NotNull LocalDate effectiveOn,
        String reason) {
}
