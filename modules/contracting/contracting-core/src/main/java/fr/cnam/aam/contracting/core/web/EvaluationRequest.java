package fr.cnam.aam.contracting.core.web;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;

record EvaluationRequest(@Min(1) int contractYear, @NotNull LocalDate evaluatedOn) {
}
