package fr.cnam.aam.app.simulation;

import fr.cnam.aam.contracting.api.AidOption;
import fr.cnam.aam.regulation.RegulatoryVersion;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.time.LocalDate;

/** {@code date} is the signature date; {@code regulatoryVersion} may force a version instead of the date's. */
record AidSimulationRequest(
        @NotNull LocalDate date,
        RegulatoryVersion regulatoryVersion,
        @NotNull AidOption option,
        @NotNull ActivityBand activityBand,
        @Min(0) Integer initialMtPatients,
        @Min(0) Integer initialFileActive,
        @DecimalMin("0.00") @Digits(integer = 7, fraction = 2) BigDecimal monthlyEmployerCost,
        LocalDate hiringDate) {
}
