package fr.cnam.aam.employment.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Sent by the employment calendar the day after a deadline: HIRING_PROOF, TRAINING_START, QUALIFICATION,
 * SECRETARY_REPLACEMENT, or LONG_ABSENCE (the day an absence becomes long).
 */
public record RecordMissedDeadlineCommand(@TargetAggregateIdentifier String assistantId, String kind,
                                          LocalDate dueOn) {
}
