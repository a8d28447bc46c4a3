package fr.cnam.aam.payments.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * What one plan or re-plan did to a schedule's lines, as one event (a re-plan touches many lines at once; one event
 * keeps the store and the ledger to one write for it): the lines planned, revised and cancelled, and why.
 */
@Revision("1")
public record PaymentLinesChanged(String scheduleId, String contractId, String cause, LocalDate effectiveOn,
                                  List<PaymentLinePlanned> planned, List<PaymentLineRevised> revised,
                                  List<PaymentLineCancelled> cancelled) {
}
