package fr.cnam.aam.payments.core.command;

import fr.cnam.aam.payments.api.PaymentLineCancelled;
import fr.cnam.aam.payments.api.PaymentLinePlanned;
import fr.cnam.aam.payments.api.PaymentLineRevised;

import java.util.ArrayList;
import java.util.List;

/** The line changes a re-plan gathers over its years, applied as one event at the end. */
final class LineChanges {

    final List<PaymentLinePlanned> planned = new ArrayList<>();
    final List<PaymentLineRevised> revised = new ArrayList<>();
    final List<PaymentLineCancelled> cancelled = new ArrayList<>();

    boolean isEmpty() {
        return planned.isEmpty() && revised.isEmpty() && cancelled.isEmpty();
    }
}
