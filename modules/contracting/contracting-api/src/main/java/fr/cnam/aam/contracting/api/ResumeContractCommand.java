package fr.cnam.aam.contracting.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Resumes a suspended contract by a new avenant, e.g. the assistant back or replaced. */
public record ResumeContractCommand(@TargetAggregateIdentifier String contractId, String avenantReference,
                                    String reason, LocalDate effectiveOn) {
}
