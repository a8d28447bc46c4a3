package fr.cnam.aam.app.admin;

import java.time.Instant;

/**
 * One event parked in a processing group's dead-letter queue: what it is, why its handler failed, since when.
 *
 * @param sequence the aggregate whose later events are held behind it (or the event itself when it has none)
 */
public record DeadLetterView(String processingGroup, String sequence, String eventId, String eventType,
                             Long aggregateSequenceNumber, Instant recordedAt, String causeType,
                             String causeMessage, Instant enqueuedAt, Instant lastTouched) {
}
