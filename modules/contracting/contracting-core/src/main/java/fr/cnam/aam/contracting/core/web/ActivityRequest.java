package fr.cnam.aam.contracting.core.web;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;

record ActivityRequest(@Min(1) int contractYear, @Min(0) Integer mtPatients, @Min(0) Integer fileActive,
                       @NotNull LocalDate recordedOn) {
}
