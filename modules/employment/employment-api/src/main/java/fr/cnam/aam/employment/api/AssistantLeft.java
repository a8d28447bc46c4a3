package fr.cnam.aam.employment.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

@Revision("1")
public record AssistantLeft(String assistantId, List<String> contractIds, LocalDate leftOn, String reason) {
}
