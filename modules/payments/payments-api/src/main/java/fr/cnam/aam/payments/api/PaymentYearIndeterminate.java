package fr.cnam.aam.payments.api;

import org.axonframework.serialization.Revision;

/**
 * What a contract year is due cannot be computed: the rulebook has no value for {@code parameter} (a version that
 * changed a rule without a published figure). Its lines stay as they were until a change re-plans it.
 */
@Revision("1")
public record PaymentYearIndeterminate(String scheduleId, int contractYear, String parameter, String message,
                                       String rulebookRevision) {
}
