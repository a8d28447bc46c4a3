package fr.cnam.aam.contracting.core.web;

import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;

record RenewalRequest(@NotNull LocalDate decidedOn) {
}
