package fr.cnam.aam.employment.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The former secretary's post is filled: HIRED (another secretary) or ALTERNATIVE_SECRETARIAT (2024). */
public record RecordSecretaryReplacementCommand(@TargetAggregateIdentifier String assistantId, LocalDate on,
                                                String how) {
}
