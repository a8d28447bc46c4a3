package fr.cnam.aam.payments.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A due line: when, how much (cents), for which contract year, and the rule behind it. */
@Revision("1")
public record PaymentLinePlanned(String scheduleId, String contractId, String lineId, LocalDate dueDate,
                                 long amountCents, int contractYear, String kind, String parameter, String source,
                                 String confidence, String regulatoryVersion, String rulebookRevision) {
}
