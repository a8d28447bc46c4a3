package fr.cnam.aam.app.disputes;

import fr.cnam.aam.payments.api.PaymentIds;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Everything recorded about a contract, read from the event streams of its aggregates — the contract, its payment
 * schedule, its assistants — so a dispute sees the record itself, not a view of it. Which assistants worked on it
 * is looked up in the assistants' view (ids only); what they did comes from their streams.
 */
@Component
class ContractRecord {

    private final EventStore events;
    private final MongoTemplate mongo;

    private static final String ASSISTANTS = "assistant_views";

    ContractRecord(EventStore events, MongoTemplate mongo) {
        this.events = events;
        this.mongo = mongo;
        // found by contract at every dispute read: indexed, not scanned
        mongo.indexOps(ASSISTANTS).ensureIndex(new org.springframework.data.mongodb.core.index.Index()
                                                       .on("contractIds", org.springframework.data.domain.Sort.Direction.ASC));
    }

    /** The contract's record in recording order, or an empty list if no such contract was ever signed. */
    List<RecordedEvent> of(String contractId) {
        List<RecordedEvent> record = new ArrayList<>(stream(contractId));
        if (record.isEmpty()) {
            return record;
        }
        record.addAll(stream(PaymentIds.schedule(contractId)));
        Query assistants = Query.query(Criteria.where("contractIds").is(contractId));
        assistants.fields().include("_id");
        for (Document assistant : mongo.find(assistants, Document.class, ASSISTANTS)) {
            record.addAll(stream(assistant.getString("_id")));
        }
        record.sort(Comparator.comparing(RecordedEvent::recordedAt).thenComparing(RecordedEvent::stream)
                              .thenComparingLong(RecordedEvent::sequence));
        return record;
    }

    private List<RecordedEvent> stream(String aggregateId) {
        List<RecordedEvent> out = new ArrayList<>();
        // from sequence 0: the events themselves, never a snapshot
        events.readEvents(aggregateId, 0).asStream().forEach(m -> out.add(recorded(m)));
        return out;
    }

    private static RecordedEvent recorded(DomainEventMessage<?> message) {
        Object payload = message.getPayload();
        return new RecordedEvent(message.getIdentifier(), message.getAggregateIdentifier(),
                                 message.getSequenceNumber(), message.getPayloadType().getSimpleName(),
                                 message.getTimestamp(), EffectiveDates.of(payload), payload,
                                 new java.util.LinkedHashMap<>(message.getMetaData()));
    }
}
