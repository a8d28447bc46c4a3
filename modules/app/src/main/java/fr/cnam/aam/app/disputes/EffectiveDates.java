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

    // submittedOn before hiredOn: a proof of hiring holds from its submission, not from the hiring it proves
    private static final List<String> NAMES = List.of("effectiveOn", "signedOn", "anniversaryOn", "evaluatedOn",
            "decidedOn", "recordedOn", "heldOn", "endedOn", "submittedOn", "hiredOn", "leftOn", "startedOn",
            "obtainedOn", "replacedOn", "on", "dueOn", "issuedOn", "paidOn", "rejectedOn", "assessedOn", "joinedOn");

    private EffectiveDates() {
    }

    static LocalDate of(Object payload) {
        if (payload instanceof ContractChangeRecorded recorded) {
            return recorded.change().effectiveOn();
        }
        if (payload instanceof PaymentLinesChanged changed) {
            return changed.effectiveOn();
        }
        if (payload == null) {
            return null;
        }
        java.lang.reflect.Method accessor = ACCESSORS.get(payload.getClass()).orElse(null);
        if (accessor == null) {
            return null;
        }
        try {
            return (LocalDate) accessor.invoke(payload);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Per event class, once: the accessor of its first dated component of {@link #NAMES}. */
    private static final ClassValue<java.util.Optional<java.lang.reflect.Method>> ACCESSORS = new ClassValue<>() {
        @Override
        protected java.util.Optional<java.lang.reflect.Method> computeValue(Class<?> type) {
            if (!type.isRecord()) {
                return java.util.Optional.empty();
            }
            RecordComponent[] components = type.getRecordComponents();
            for (String name : NAMES) {
                for (RecordComponent component : components) {
                    if (component.getName().equals(name) && component.getType() == LocalDate.class) {
                        return java.util.Optional.of(component.getAccessor());
                    }
                }
            }
            return java.util.Optional.empty();
        }
    };

}
