package fr.cnam.aam.payments.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The payment system refused the order; the line is open again and a later run orders it anew. */
@Revision("1")
public record PaymentOrderRejected(String scheduleId, String orderId, String lineId, LocalDate rejectedOn,
                                   String reason) {
}
