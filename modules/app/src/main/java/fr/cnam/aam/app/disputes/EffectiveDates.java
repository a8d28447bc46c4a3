package fr.cnam.aam.app.disputes;

import fr.cnam.aam.payments.api.ContractChangeRecorded;
import fr.cnam.aam.payments.api.PaymentLinesChanged;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.List;

/**
 * The date from which an event holds, read from its payload: the first of these components it has. An avenant's
 * {@code effectiveOn}, a signature's {@code signedOn}, an order's {@code issuedOn}, an answer's {@code paidOn}…; a
 * renewal holds from its decision. An event without any (none today) holds from its recording.
 */
final class EffectiveDates {

    private static final List<String> NAMES = List.of("effectiveOn", "signedOn", "anniversaryOn", "evaluatedOn",
            "decidedOn", "recordedOn", "heldOn", "endedOn", "hiredOn", "submittedOn", "leftOn", "startedOn",
            "obtainedOn", "replacedOn", "on", "dueOn", "issuedOn", "paidOn", "rejectedOn", "assessedOn");

    private EffectiveDates() {
    }

    static LocalDate of(Object payload) {
        if (payload instanceof ContractChangeRecorded recorded) {
            return recorded.change().effectiveOn();
        }
        if (payload instanceof PaymentLinesChanged changed) {
            return changed.effectiveOn();
        }
        if (payload == null || !payload.getClass().isRecord()) {
            return null;
        }
        RecordComponent[] components = payload.getClass().getRecordComponents();
        for (String name : NAMES) {
            for (RecordComponent component : components) {
                if (component.getName().equals(name) && component.getType() == LocalDate.class) {
                    try {
                        return (LocalDate) component.getAccessor().invoke(payload);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return null;
    }
}
