package fr.cnam.aam.eligibility.core.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.LocalDate;

/** {@code assessmentId} is optional: a client that supplies it can retry without recording twice. */
record AssessmentRequest(
        @Pattern(regexp = "(Assessment:)?[A-Za-z0-9._-]{1,64}") String assessmentId,
        @NotBlank @Pattern(regexp = "\\d{11}", message = "must be 11 digits") String rpps,
        @NotBlank String caisseCode,
        @NotNull LocalDate date,
        @NotBlank @Pattern(regexp = "[A-Z_]{2,40}") String specialty,
        @NotBlank @Pattern(regexp = "SECTOR_1|SECTOR_2_OPTAM|SECTOR_2_OPTAM_CO|SECTOR_2|SECTOR_3") String sector,
        @Min(0) Integer mtPatients,
        @Min(0) Integer fileActive,
        @Min(0) @Max(100) Integer shareUnder16,
        @Pattern(regexp = "0[1-9]|[1-8][0-9]|9[0-5]|2A|2B|97[1-6]", message = "must be a French département code")
        String departement,
        boolean priorityZone,
        boolean groupPractice,
        boolean coordinatedPractice,
        boolean newlyInstalled,
        boolean disabledWorker,
        boolean longTermIllness,
        @Min(0) @Max(100) Integer clinicalFeeShare,
        @Min(18) @Max(120) Integer age,
        @Pattern(regexp = "DECLARED|CAISSE_STATISTICS") String inputsSource) {
}
