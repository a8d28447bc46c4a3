package fr.cnam.aam.payments.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** An order to the caisse's payment system (a recovery when the amount is negative); its id is deterministic. */
@Revision("1")
public record PaymentOrderIssued(String scheduleId, String contractId, String caisseCode, String orderId,
                                 String lineId, long amountCents, LocalDate dueDate, LocalDate issuedOn) {
}
