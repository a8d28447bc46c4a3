package fr.cnam.aam.payments.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The payment system's answer: PAID (with its reference) or REJECTED (with the reason). */
public record AnswerPaymentOrderCommand(@TargetAggregateIdentifier String scheduleId, String orderId,
                                        OrderOutcome outcome, LocalDate answeredOn, String reference,
                                        String reason) {
}
