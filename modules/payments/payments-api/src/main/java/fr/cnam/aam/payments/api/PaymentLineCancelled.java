package fr.cnam.aam.payments.api;

/** A line not yet ordered is no longer due (part of {@link PaymentLinesChanged}). */
public record PaymentLineCancelled(String scheduleId, String lineId, String reason) {
}
