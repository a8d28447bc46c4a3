package fr.cnam.aam.app.simulation;

import fr.cnam.aam.contracting.api.AidOption;
import fr.cnam.aam.regulation.RegulatoryVersion;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * {@code date} is the signature date; {@code regulatoryVersion} may force a version instead of the date's.
 * {@code specialty} (general practice if absent) and {@code age} shape the objectives; {@code achievedMtPatients}
 * and {@code achievedFileActive}, if given, are evaluated against them for every year from the evaluation year.
 */
record AidSimulationRequest(
        @NotNull LocalDate date,
        String rulebookRevision,
        RegulatoryVersion regulatoryVersion,
        @NotNull AidOption option,
        @NotNull ActivityBand activityBand,
        String specialty,
        @Min(18) @Max(120) Integer age,
        @Min(0) Integer initialMtPatients,
        @Min(0) Integer initialFileActive,
        @Min(0) Integer achievedMtPatients,
        @Min(0) Integer achievedFileActive,
        @DecimalMin("0.00") @Digits(integer = 7, fraction = 2) BigDecimal monthlyEmployerCost,
        LocalDate hiringDate) {
}
