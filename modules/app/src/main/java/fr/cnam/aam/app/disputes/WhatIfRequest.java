package fr.cnam.aam.app.disputes;

import com.fasterxml.jackson.databind.JsonNode;
import fr.cnam.aam.regulation.Confidence;
import fr.cnam.aam.regulation.RegulatoryVersion;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * A what-if: the contract's years from {@code fromYear} (default 1) under {@code regulatoryVersion} (default: as
 * recorded), decided with the rulebook revision {@code rulebookRevision} (default: the one in force) and, on top of
 * it, the {@code corrections} a caisse is considering — applied to this computation only, never published.
 */
record WhatIfRequest(String regulatoryVersion, @Min(1) @Max(20) Integer fromYear, String rulebookRevision,
                     @Size(max = 50) List<@NotNull @Valid Correction> corrections) {

    /** A corrected value, as a rulebook revision would carry it. */
    record Correction(@NotBlank String parameter, @NotNull RegulatoryVersion version, @NotNull LocalDate from,
                      @NotNull JsonNode value, @NotBlank String source, @NotNull Confidence confidence) {
    }
}
