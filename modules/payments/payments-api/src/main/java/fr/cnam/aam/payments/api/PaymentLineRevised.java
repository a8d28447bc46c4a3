package fr.cnam.aam.payments.api;

import java.time.LocalDate;

/**
 * A line not yet ordered gets a new amount or date; the amount rule and the reason are those of the change (part of
 * {@link PaymentLinesChanged}).
 */
public record PaymentLineRevised(String scheduleId, String lineId, long previousAmountCents, long amountCents,
                                 LocalDate previousDueDate, LocalDate dueDate, String amountParameter,
                                 String amountSource, String amountConfidence, String regulatoryVersion,
                                 String rulebookRevision, String reason) {
}
