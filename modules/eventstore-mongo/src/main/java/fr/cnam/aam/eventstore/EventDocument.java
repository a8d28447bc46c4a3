package fr.cnam.aam.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.bson.Document;

import java.util.Date;

/** The stored shape of one event or snapshot: payload and metadata as JSON text, the timestamp as a date. */
final class EventDocument {
    static final String STREAM_KEY = "streamKey";
    static final String AGGREGATE_ID = "aggregateIdentifier";
    static final String SEQUENCE_NUMBER = "sequenceNumber";
    static final String TYPE = "type";
    static final String EVENT_ID = "eventIdentifier";
    static final String TIMESTAMP = "timestamp";
    static final String PAYLOAD_TYPE = "payloadType";
    static final String PAYLOAD_REVISION = "payloadRevision";
    static final String PAYLOAD = "payload";
    static final String META_DATA = "metaData";
    /** Marks a fence: a global index a reader proved will never hold an event (see the engine's gap rule). */
    static final String VOID = "void";
    private static final String VOID_AGGREGATE = "$void";

    private EventDocument() {
    }

    static String streamKey(String aggregateIdentifier, long sequenceNumber) {
        return aggregateIdentifier + "#" + sequenceNumber;
    }

    static Document of(long globalIndex, DomainEventMessage<?> event,
                       SerializedObject<String> payload, SerializedObject<String> metaData) {
        return fields(new Document("_id", globalIndex), event, payload, metaData)
                .append(STREAM_KEY, streamKey(event.getAggregateIdentifier(), event.getSequenceNumber()));
    }

    static Document snapshot(DomainEventMessage<?> snapshot,
                             SerializedObject<String> payload, SerializedObject<String> metaData) {
        return fields(new Document("_id", snapshot.getAggregateIdentifier()), snapshot, payload, metaData);
    }

    private static Document fields(Document doc, DomainEventMessage<?> event,
                                   SerializedObject<String> payload, SerializedObject<String> metaData) {
        return doc.append(AGGREGATE_ID, event.getAggregateIdentifier())
                  .append(SEQUENCE_NUMBER, event.getSequenceNumber())
                  .append(TYPE, event.getType())
                  .append(EVENT_ID, event.getIdentifier())
                  .append(TIMESTAMP, Date.from(event.getTimestamp()))
                  .append(PAYLOAD_TYPE, payload.getType().getName())
                  .append(PAYLOAD_REVISION, payload.getType().getRevision())
                  .append(PAYLOAD, payload.getData())
                  .append(META_DATA, metaData.getData());
    }

    /**
     * The fence at a global index: it fills the index's unique keys ({@code _id}, the stream key and the
     * (aggregate, sequence) pair) with values no event can have, so that a writer still holding that index fails.
     */
    static Document fence(long globalIndex, java.time.Instant at) {
        return new Document("_id", globalIndex)
                .append(AGGREGATE_ID, VOID_AGGREGATE)
                .append(SEQUENCE_NUMBER, globalIndex)
                .append(STREAM_KEY, VOID_AGGREGATE + "#" + globalIndex)
                .append(VOID, Boolean.TRUE)
                .append(TIMESTAMP, Date.from(at));
    }

    static boolean isFence(Document doc) {
        return Boolean.TRUE.equals(doc.getBoolean(VOID));
    }

    static GenericDomainEventEntry<String> toEntry(Document doc) {
        return new StoredEventEntry(
                doc.getString(TYPE),
                doc.getString(AGGREGATE_ID),
                doc.getLong(SEQUENCE_NUMBER),
                doc.getString(EVENT_ID),
                doc.getDate(TIMESTAMP).toInstant(),
                doc.getString(PAYLOAD_TYPE),
                doc.getString(PAYLOAD_REVISION),
                doc.getString(PAYLOAD),
                doc.getString(META_DATA));
    }
}
