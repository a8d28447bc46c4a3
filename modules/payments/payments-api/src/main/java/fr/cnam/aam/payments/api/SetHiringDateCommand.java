package fr.cnam.aam.payments.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The assistant's hiring is proven: the lines that run from the hiring (the 2019 advance) are dated from it. */
public record SetHiringDateCommand(@TargetAggregateIdentifier String scheduleId, LocalDate hiredOn) {
}
