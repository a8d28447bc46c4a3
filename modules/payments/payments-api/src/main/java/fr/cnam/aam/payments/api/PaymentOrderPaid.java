package fr.cnam.aam.payments.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The order was executed: paid to the doctor, or for a negative amount recovered from the doctor. */
@Revision("1")
public record PaymentOrderPaid(String scheduleId, String orderId, String lineId, long amountCents, LocalDate paidOn,
                               String reference) {
}
