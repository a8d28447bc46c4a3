package fr.cnam.aam.app.feed;

import fr.cnam.aam.app.axon.AuditMetaData;
import fr.cnam.aam.app.security.CaisseOfResource;
import fr.cnam.aam.eventstore.MongoGlobalSequenceEventStorageEngine;
import fr.cnam.aam.eventstore.PositionedEvents;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * The feed of published events for downstream systems: {@code GET /api/v1/feed?after=&limit=&wait=}. Positions
 * are the store's global index; a page never moves past an index still being written, so a consumer that always
 * asks {@code after=next} gets every published event once, in order. {@code wait} (seconds, up to 30) holds an
 * empty answer until something comes, so a consumer does not spin; at most {@code aam.feed.max-waiting} requests
 * wait at once (the others answer at once), so long polls cannot take every request thread. An agent's feed is
 * its caisse's.
 */
@RestController
@RequestMapping("/api/v1/feed")
class FeedController {

    private static final int SCAN = 1_000;
    private static final long POLL_MILLIS = 200;
    /** Indexes read per request at most (× SCAN): a consumer far behind gets pages, not one endless request. */
    private static final int MAX_SCANS = 20;

    private final MongoGlobalSequenceEventStorageEngine store;
    private final Serializer serializer;
    private final CaisseOfResource caisses;
    private final Semaphore waiters;

    FeedController(MongoGlobalSequenceEventStorageEngine store, @Qualifier("eventSerializer") Serializer serializer,
                   CaisseOfResource caisses, @Value("${aam.feed.max-waiting:16}") int maxWaiting) {
        this.store = store;
        this.serializer = serializer;
        this.caisses = caisses;
        this.waiters = new Semaphore(maxWaiting);
    }

    @GetMapping
    FeedPage feed(@RequestParam(defaultValue = "0") @Min(0) long after,
                  @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
                  @RequestParam(defaultValue = "0") @Min(0) @Max(30) int wait,
                  @RequestParam(required = false) String caisse) throws InterruptedException {
        if (!store.commitsAtomically()) {
            // a failed commit compensated by deletes could be served, then taken back: no false fact is published
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "the feed needs a store whose commits "
                    + "are all or nothing (a replica set, or the embedded store)");
        }
        // a long poll holds a request thread: a bounded number wait at once, the others answer at once
        boolean waiting = wait > 0 && waiters.tryAcquire();
        try {
            return read(after, limit, waiting ? wait : 0, caisse);
        } finally {
            if (waiting) {
                waiters.release();
            }
        }
    }

    private FeedPage read(long after, int limit, int wait, String caisse) throws InterruptedException {
        long deadline = System.nanoTime() + wait * 1_000_000_000L;
        Map<String, String> caisseOfContract = new HashMap<>();
        long cursor = after;
        List<Map<String, Object>> events = new ArrayList<>();
        int scanned = 0;
        while (true) {
            PositionedEvents page = store.readContiguous(cursor, SCAN);
            for (PositionedEvents.Positioned event : page.events()) {
                Map<String, Object> published = published(event, caisse, caisseOfContract);
                if (published != null) {
                    events.add(published);
                    if (events.size() == limit) {
                        return new FeedPage(events, event.position());
                    }
                }
            }
            boolean moved = page.next() > cursor;
            cursor = page.next();
            if (moved && ++scanned < MAX_SCANS) {
                continue; // more may follow at once
            }
            if (!events.isEmpty() || moved || System.nanoTime() >= deadline) {
                return new FeedPage(events, cursor);
            }
            Thread.sleep(POLL_MILLIS); // a long poll: a servlet thread waits, bounded by wait ≤ 30 s
        }
    }

    /** The event as a CloudEvent, or null when it is internal or of another caisse than asked. */
    private Map<String, Object> published(PositionedEvents.Positioned positioned, String caisse,
                                          Map<String, String> caisseOfContract) {
        DomainEventData<?> data = positioned.data();
        PublishedEvent<?> type = PublishedEvents.ofPayloadType(data.getPayload().getType().getName());
        if (type == null) {
            return null;
        }
        Object payload = serializer.deserialize(data.getPayload());
        String owner = type.caisseOf(payload);
        if (owner == null && type.contractOf(payload) != null) {
            owner = caisseOfContract.computeIfAbsent(type.contractOf(payload), caisses::ofAnyContract);
        }
        if (caisse != null && !caisse.equals(owner)) {
            return null;
        }
        MetaData metaData = serializer.deserialize(data.getMetaData());
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("specversion", "1.0");
        event.put("id", data.getEventIdentifier());
        event.put("source", "urn:fr.cnam.aam:" + type.module());
        event.put("type", type.type());
        event.put("time", data.getTimestamp().toString());
        event.put("subject", type.subjectOf(payload));
        event.put("datacontenttype", "application/json");
        event.put("dataschema", "urn:fr.cnam.aam:schema:" + type.type());
        event.put("position", positioned.position());
        if (owner != null) {
            event.put("caisse", owner);
        }
        Object correlation = metaData.get(AuditMetaData.CORRELATION_ID);
        if (correlation != null) {
            event.put("correlationid", correlation.toString());
        }
        event.put("data", payload);
        return event;
    }
}
