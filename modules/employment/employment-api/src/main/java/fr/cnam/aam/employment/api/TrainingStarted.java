package fr.cnam.aam.employment.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record TrainingStarted(String assistantId, LocalDate startedOn, String training, boolean inTime) {
}
