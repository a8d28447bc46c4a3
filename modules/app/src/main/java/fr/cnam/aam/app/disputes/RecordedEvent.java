package fr.cnam.aam.app.disputes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * One event of a contract's record, with its two times: when it was recorded ({@code recordedAt}, the event's
 * timestamp) and from when it holds ({@code effectiveOn}, from its payload — {@link EffectiveDates}).
 */
record RecordedEvent(String eventId, String stream, long sequence, String type, Instant recordedAt,
                     LocalDate effectiveOn, Object payload, Map<String, Object> metaData) {

    boolean knownAt(Instant instant) {
        return !recordedAt.isAfter(instant);
    }

    boolean inForceOn(LocalDate date) {
        return effectiveOn == null || !effectiveOn.isAfter(date);
    }
}
