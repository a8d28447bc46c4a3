package fr.cnam.aam.payments.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Plans a contract's payments from its signature, under its version and the rulebook in force. */
public record PlanPaymentScheduleCommand(@TargetAggregateIdentifier String scheduleId, String contractId,
                                         String caisseCode, LocalDate signedOn, String regulatoryVersion,
                                         String option, String activityBand) {
}
