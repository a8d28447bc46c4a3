package fr.cnam.aam.payments.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/**
 * Tells a collective schedule that an avenant changed the ETP financed from {@code effectiveOn}: the aid of each
 * year from then on is {@code aidByYearCents}, as the contract recorded it. {@code changeId} names the contract
 * event, so a redelivery changes nothing twice.
 */
public record RecordCollectiveAidChangeCommand(@TargetAggregateIdentifier String scheduleId, String changeId,
                                               LocalDate effectiveOn, int etpPermille, List<Long> aidByYearCents,
                                               String reference) {
}
