package fr.cnam.aam.payments.api;

import org.axonframework.serialization.Revision;

/** A line not yet ordered is no longer due. */
@Revision("1")
public record PaymentLineCancelled(String scheduleId, String lineId, String reason) {
}
