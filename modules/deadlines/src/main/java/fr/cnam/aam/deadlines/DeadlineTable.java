package fr.cnam.aam.deadlines;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Dates to come for some owner (a contract, an assistant), kept in one MongoDB collection so that they survive a
 * restart. Each deadline has a stable key (owner, kind, date): planning it again (a replay) changes nothing, and
 * moving it from PENDING to FIRING is one atomic update, so two instances never take the same one.
 */
public class DeadlineTable {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DeadlineTable.class);

    public static final String PENDING = "PENDING";
    public static final String FIRING = "FIRING";
    public static final String DONE = "DONE";
    public static final String CANCELLED = "CANCELLED";

    private final MongoTemplate mongo;
    private final String collection;
    private final String ownerField;

    public DeadlineTable(MongoTemplate mongo, String collection, String ownerField) {
        this.mongo = mongo;
        this.collection = collection;
        this.ownerField = ownerField;
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

    /** Deadlines due on or before {@code today}, still to fire, in date order. */
    public List<Document> due(LocalDate today) {
        List<Document> due = collection().find(Filters.and(Filters.eq("status", PENDING),
                                                           Filters.lte("dueOn", today.toString())))
                                         .into(new ArrayList<>());
        due.sort((a, b) -> a.getString("dueOn").compareTo(b.getString("dueOn")));
        return due;
    }

    /** Takes a deadline for this instance; false if another one took it first. */
    public boolean claim(String id) {
        return collection().findOneAndUpdate(Filters.and(Filters.eq("_id", id), Filters.eq("status", PENDING)),
                Updates.set("status", FIRING), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))
               != null;
    }

    public void finish(String id, String outcome) {
        collection().updateOne(Filters.eq("_id", id),
                               Updates.combine(Updates.set("status", DONE), Updates.set("outcome", outcome)));
    }

    public void releaseOne(String id) {
        collection().updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("status", FIRING)),
                               Updates.set("status", PENDING));
    }

    /** Deadlines a stopped instance had taken but not finished go back to PENDING (their commands are idempotent). */
    public void releaseUnfinished() {
        collection().updateMany(Filters.eq("status", FIRING), Updates.set("status", PENDING));
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
