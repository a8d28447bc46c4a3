package fr.cnam.aam.eligibility.api;

public record FindAssessmentQuery(String assessmentId) {
}
