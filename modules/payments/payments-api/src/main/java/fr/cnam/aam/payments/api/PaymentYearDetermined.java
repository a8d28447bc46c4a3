package fr.cnam.aam.payments.api;

import org.axonframework.serialization.Revision;

/** A year found indeterminate before is computed again (the rulebook now has the value it lacked). */
@Revision("1")
public record PaymentYearDetermined(String scheduleId, int contractYear, String rulebookRevision) {
}
