package fr.cnam.aam.eligibility.api;

public record AssessmentReason(String code, String message, String parameter, String source, String confidence) {
}
