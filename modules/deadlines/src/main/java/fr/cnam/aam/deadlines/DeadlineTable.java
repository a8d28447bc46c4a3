package fr.cnam.aam.deadlines;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Dates to come for some owner (a contract, an assistant), kept in one MongoDB collection so that they survive a
 * restart. Each deadline has a stable key (owner, kind, date): planning it again (a replay) changes nothing, and
 * moving it from PENDING to FIRING is one atomic update, so two instances never take the same one.
 * <p>
 * A deadline taken (FIRING) carries who took it and a lease: only when the lease has run out — its holder died
 * before finishing — may anyone take it again. Nothing is released wholesale at start: a starting instance cannot
 * tell a dead holder from a live one that is still firing, the lease can. The lease runs on the wall clock, not
 * the business clock (which may stand still in a rehearsal); the commands a deadline sends are idempotent, so a
 * deadline taken again after its holder died has still one effect.
 */
public class DeadlineTable {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DeadlineTable.class);

    public static final String PENDING = "PENDING";
    public static final String FIRING = "FIRING";
    public static final String DONE = "DONE";
    public static final String CANCELLED = "CANCELLED";

    /** Long enough for one deadline's command, however slow the store; short enough to retry within minutes. */
    public static final Duration DEFAULT_LEASE = Duration.ofMinutes(5);

    private final MongoTemplate mongo;
    private final String collection;
    private final String ownerField;
    private final Clock wallClock;
    private final Duration lease;
    private final String holder;

    public DeadlineTable(MongoTemplate mongo, String collection, String ownerField) {
        this(mongo, collection, ownerField, Clock.systemUTC(), DEFAULT_LEASE,
             "instance-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** {@code holder} names this instance in the deadlines it takes; {@code wallClock} measures the lease. */
    public DeadlineTable(MongoTemplate mongo, String collection, String ownerField, Clock wallClock, Duration lease,
                         String holder) {
        this.mongo = mongo;
        this.collection = collection;
        this.ownerField = ownerField;
        this.wallClock = wallClock;
        this.lease = lease;
        this.holder = holder;
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(collection);
    }

    public void plan(String owner, String kind, LocalDate dueOn) {
        plan(owner, kind, dueOn, java.util.Map.of());
    }

    /** As above, with fields to find the deadline by later (e.g. the caisse). */
    public void plan(String owner, String kind, LocalDate dueOn, java.util.Map<String, Object> fields) {
        String id = owner + "#" + kind + "#" + dueOn;
        List<org.bson.conversions.Bson> updates = new ArrayList<>(List.of(
                Updates.setOnInsert(ownerField, owner), Updates.setOnInsert("kind", kind),
                Updates.setOnInsert("dueOn", dueOn.toString()), Updates.setOnInsert("status", PENDING)));
        fields.forEach((name, value) -> updates.add(Updates.setOnInsert(name, value)));
        collection().updateOne(Filters.eq("_id", id), Updates.combine(updates), new UpdateOptions().upsert(true));
    }

    /** Pending deadlines due from {@code from} to {@code to} whose {@code field} equals {@code value}, by date. */
    public List<Document> pendingBetween(LocalDate from, LocalDate to, String field, Object value) {
        List<Document> found = collection().find(Filters.and(Filters.eq("status", PENDING), Filters.eq(field, value),
                Filters.gte("dueOn", from.toString()), Filters.lte("dueOn", to.toString()))).into(new ArrayList<>());
        found.sort((a, b) -> a.getString("dueOn").compareTo(b.getString("dueOn")));
        return found;
    }

    public void cancelPending(String owner) {
        collection().updateMany(Filters.and(Filters.eq(ownerField, owner), Filters.eq("status", PENDING)),
                                Updates.set("status", CANCELLED));
    }

    public void cancelPending(String owner, String kind) {
        collection().updateMany(Filters.and(Filters.eq(ownerField, owner), Filters.eq("kind", kind),
                                            Filters.eq("status", PENDING)),
                                Updates.set("status", CANCELLED));
    }

    /** Deadlines due on or before {@code today}, still to fire (or whose holder's lease ran out), in date order. */
    public List<Document> due(LocalDate today) {
        List<Document> due = collection().find(Filters.and(takeable(), Filters.lte("dueOn", today.toString())))
                                         .into(new ArrayList<>());
        due.sort((a, b) -> a.getString("dueOn").compareTo(b.getString("dueOn")));
        return due;
    }

    /**
     * PENDING, or FIRING by a holder whose lease has run out — or with no lease at all: taken before leases existed
     * (such a holder was released at the next start then; now its lease is read as run out).
     */
    private org.bson.conversions.Bson takeable() {
        return Filters.or(Filters.eq("status", PENDING),
                          Filters.and(Filters.eq("status", FIRING), Filters.lt("leaseUntil", wallClock.millis())),
                          Filters.and(Filters.eq("status", FIRING), Filters.exists("leaseUntil", false)));
    }

    /** Takes a deadline for this instance, for the lease; false if another one holds it. */
    public boolean claim(String id) {
        return collection().findOneAndUpdate(Filters.and(Filters.eq("_id", id), takeable()),
                Updates.combine(Updates.set("status", FIRING), Updates.set("heldBy", holder),
                                Updates.set("leaseUntil", wallClock.millis() + lease.toMillis())),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)) != null;
    }

    /** Closes a deadline this instance holds. */
    public void finish(String id, String outcome) {
        collection().updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("heldBy", holder)),
                               Updates.combine(Updates.set("status", DONE), Updates.set("outcome", outcome),
                                               Updates.unset("leaseUntil")));
    }

    /** Gives back a deadline this instance holds, to be tried again. */
    public void releaseOne(String id) {
        collection().updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("status", FIRING),
                                           Filters.eq("heldBy", holder)),
                               Updates.combine(Updates.set("status", PENDING), Updates.unset("leaseUntil")));
    }

    /** What a due deadline does: returns the outcome to record; an exception leaves it to be tried again. */
    @FunctionalInterface
    public interface Firing {
        String fire(Document deadline);
    }

    /**
     * Takes every deadline due by {@code today} that no other instance took, fires it and records the outcome;
     * one that fails with an exception goes back to PENDING. Returns how many were closed by this call.
     */
    public int fireDue(LocalDate today, Firing firing) {
        int closed = 0;
        for (Document deadline : due(today)) {
            String id = deadline.getString("_id");
            if (!claim(id)) {
                continue;
            }
            String outcome;
            try {
                outcome = firing.fire(deadline);
            } catch (RuntimeException e) {
                log.warn("Deadline {} failed; it will be tried again", id, e);
                releaseOne(id);
                continue;
            }
            finish(id, outcome);
            closed++;
        }
        return closed;
    }

    public List<Document> of(String owner) {
        return collection().find(Filters.eq(ownerField, owner)).into(new ArrayList<>());
    }
}
