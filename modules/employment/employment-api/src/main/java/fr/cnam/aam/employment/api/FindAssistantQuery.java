package fr.cnam.aam.employment.api;

public record FindAssistantQuery(String assistantId) {
}
