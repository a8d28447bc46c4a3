package fr.cnam.aam.app.simulation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A group asking for the collective aid on {@code date}: its company's legal form ({@code SCP}, {@code SCM},
 * {@code SISA}…), its member doctors, the ETP it chooses (e.g. {@code 2} or {@code 2.5}), whether it is an approved
 * ambulatory training site; optionally, for a year from 3, what it reached ({@code achieved}) to see the pro rata.
 */
record CollectiveSimulationRequest(
        @NotNull LocalDate date,
        String rulebookRevision,
        @NotNull @Pattern(regexp = "[A-Z]{2,8}", message = "a legal form code such as SCM, SCP, SISA")
        String structure,
        @NotEmpty @Size(max = 100) List<@Valid @NotNull Member> members,
        @NotNull @DecimalMin(value = "0.001") @Digits(integer = 4, fraction = 3) BigDecimal etp,
        boolean approvedTrainingSite,
        @Valid Achieved achieved) {

    record Member(
            @NotNull @Size(max = 20) String rpps,
            @NotNull String specialty,
            @NotNull Sector sector,
            boolean mep,
            @NotNull @Min(0) @Max(100_000) Integer mtPatients,
            @NotNull @Min(0) @Max(100_000) Integer fileActive,
            @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "a date YYYY-MM-DD") String installedOn,
            boolean hostsDocteurJunior) {
    }

    /** The increases the group reached by {@code contractYear}, against its collective objectives. */
    record Achieved(@NotNull @Min(1) @Max(10) Integer contractYear, @NotNull @Min(-100_000) @Max(100_000) Integer mtPatients,
                    @NotNull @Min(-100_000) @Max(100_000) Integer fileActive) {
    }
}
