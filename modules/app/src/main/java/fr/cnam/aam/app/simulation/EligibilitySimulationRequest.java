package fr.cnam.aam.app.simulation;

import fr.cnam.aam.contracting.api.AidOption;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.LocalDate;

/**
 * A doctor's profile on a date. {@code currentOption}, {@code currentContractYear} and {@code objectivesReached}
 * describe a contract the doctor already holds, for a second assistant (2024).
 */
record EligibilitySimulationRequest(
        @NotNull LocalDate date,
        String rulebookRevision,
        @NotNull String specialty,
        @NotNull Sector sector,
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
        AidOption currentOption,
        @Min(1) Integer currentContractYear,
        boolean objectivesReached) {
}
