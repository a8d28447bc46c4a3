package fr.cnam.aam.payments.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A line not yet ordered gets a new amount or date; the amount rule and the reason are those of the change. */
@Revision("1")
public record PaymentLineRevised(String scheduleId, String lineId, long previousAmountCents, long amountCents,
                                 LocalDate previousDueDate, LocalDate dueDate, String amountParameter,
                                 String amountSource, String amountConfidence, String regulatoryVersion,
                                 String rulebookRevision, String reason) {
}
