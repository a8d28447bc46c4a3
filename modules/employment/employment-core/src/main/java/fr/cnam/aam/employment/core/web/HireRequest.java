package fr.cnam.aam.employment.core.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.LocalDate;
import java.util.List;

/** {@code assistantId} is optional: a client that supplies it can retry without hiring twice. */
record HireRequest(
        @Pattern(regexp = "(Assistant:)?[A-Za-z0-9._-]{1,64}") String assistantId,
        @NotEmpty List<String> contractIds,
        @NotNull @Pattern(regexp = "DOCTOR|DOCTORS_GROUP|SISA|EMPLOYERS_GROUP") String employerType,
        boolean permanentContract,
        @Min(1) @Max(168) int weeklyHours,
        @NotNull LocalDate hiredOn,
        List<String> qualifications,
        boolean formerSecretary,
        String replacesAssistantId,
        @Pattern(regexp = "[0-9A-Z]{2,5}") String caisseCode) {
}
