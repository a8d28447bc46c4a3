package fr.cnam.aam.employment.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record AbsenceEnded(String assistantId, LocalDate startedOn, LocalDate endedOn) {
}
