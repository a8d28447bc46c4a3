package fr.cnam.aam.app.rulebook;

import com.fasterxml.jackson.databind.JsonNode;
import fr.cnam.aam.regulation.Confidence;
import fr.cnam.aam.regulation.RegulatoryVersion;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.LocalDate;
import java.util.List;

/** A corrected parameter set; {@code basedOn} defaults to the current revision. */
record RevisionRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String revision,
        String basedOn,
        @NotBlank String reason,
        @NotEmpty @jakarta.validation.constraints.Size(max = 500) List<@NotNull @Valid Value> values) {

    record Value(@NotBlank String parameter, @NotNull RegulatoryVersion version, @NotNull LocalDate from,
                 @NotNull JsonNode value, @NotBlank String source, @NotNull Confidence confidence) {
    }
}
