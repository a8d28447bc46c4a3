package fr.cnam.aam.contracting.core.web;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.LocalDate;

/**
 * {@code contractId} is optional: a client that supplies it can retry without risk of signing twice.
 * {@code assessmentId} names the ELIGIBLE assessment the signature relies on ("Assessment:…" or its suffix).
 */
record SignContractRequest(
        @Pattern(regexp = "(Contract:)?[A-Za-z0-9._-]{1,64}") String contractId,
        @NotBlank String assessmentId,
        @NotBlank @Pattern(regexp = "\\d{11}", message = "must be 11 digits") String rpps,
        @NotBlank String caisseCode,
        @NotBlank String departement,
        @NotBlank String option,
        @NotBlank @Pattern(regexp = "BELOW_P30|P30_P50|P50_P70|P70_P90|P90_P95|ABOVE_P95") String activityBand,
        @Min(0) Integer initialMtPatients,
        @Min(0) Integer initialFileActive,
        @NotNull LocalDate signedOn) {
}
