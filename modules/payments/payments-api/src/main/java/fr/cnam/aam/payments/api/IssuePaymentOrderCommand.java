package fr.cnam.aam.payments.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Orders a line that is due on or before {@code issuedOn}; a line already ordered is not ordered again. */
public record IssuePaymentOrderCommand(@TargetAggregateIdentifier String scheduleId, String lineId,
                                       LocalDate issuedOn) {
}
