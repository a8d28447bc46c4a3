package fr.cnam.aam.payments.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/**
 * Plans the payments to a group's company for its collective contract: the aid of each year as the contract recorded
 * it at signature ({@code aidByYearCents}, for the ETP financed), paid by the collective calendar of the rulebook.
 */
public record PlanCollectivePaymentScheduleCommand(@TargetAggregateIdentifier String scheduleId,
                                                   String collectiveContractId, String caisseCode,
                                                   LocalDate signedOn, String regulatoryVersion, int etpPermille,
                                                   List<Long> aidByYearCents) {
}
