package fr.cnam.aam.payments.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record PaymentLineRescheduled(String scheduleId, String lineId, LocalDate previousDueDate,
                                     LocalDate dueDate, String reason) {
}
