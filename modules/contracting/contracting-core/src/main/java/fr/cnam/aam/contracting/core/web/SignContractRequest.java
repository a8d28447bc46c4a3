package fr.cnam.aam.contracting.core.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.LocalDate;

/** {@code contractId} is optional: a client that supplies it can retry without risk of signing twice. */
record SignContractRequest(
        @Pattern(regexp = "(Contract:)?[A-Za-z0-9._-]{1,64}") String contractId,
        @NotBlank @Pattern(regexp = "\\d{11}", message = "must be 11 digits") String rpps,
        @NotBlank String caisseCode,
        @NotBlank String departement,
        @NotBlank String option,
        @NotNull LocalDate signedOn) {
}
