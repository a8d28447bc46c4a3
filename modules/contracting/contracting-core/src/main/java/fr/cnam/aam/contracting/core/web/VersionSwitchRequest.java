package fr.cnam.aam.contracting.core.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.LocalDate;

record VersionSwitchRequest(@NotBlank @Pattern(regexp = "AV7_2019|RA_2023|CONV_2024") String toVersion,
                            @NotNull LocalDate requestedOn, String reason) {
}
