package fr.cnam.aam.contracting.core.calendar;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The contracts' dates to come, kept in MongoDB so that they survive a restart. Each deadline has a stable key
 * (contract, kind, date): planning it again (a replay) changes nothing, and moving it from PENDING to FIRING is
 * one atomic update, so two instances never fire the same one.
 */
@Component
public class ContractDeadlines {

    static final String COLLECTION = "contract_deadlines";
    static final String PENDING = "PENDING";
    static final String FIRING = "FIRING";
    static final String DONE = "DONE";
    static final String CANCELLED = "CANCELLED";

    private final MongoTemplate mongo;

    ContractDeadlines(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }

    void plan(String contractId, String kind, LocalDate dueOn) {
        String id = contractId + "#" + kind + "#" + dueOn;
        collection().updateOne(Filters.eq("_id", id),
                Updates.combine(Updates.setOnInsert("contractId", contractId), Updates.setOnInsert("kind", kind),
                                Updates.setOnInsert("dueOn", dueOn.toString()), Updates.setOnInsert("status", PENDING)),
                new UpdateOptions().upsert(true));
    }

    void cancelPending(String contractId) {
        collection().updateMany(Filters.and(Filters.eq("contractId", contractId), Filters.eq("status", PENDING)),
                                Updates.set("status", CANCELLED));
    }

    /** Deadlines due on or before {@code today}, still to fire, in date order. */
    List<Document> due(LocalDate today) {
        List<Document> due = collection().find(Filters.and(Filters.eq("status", PENDING),
                                                           Filters.lte("dueOn", today.toString())))
                                         .into(new ArrayList<>());
        due.sort((a, b) -> a.getString("dueOn").compareTo(b.getString("dueOn")));
        return due;
    }

    /** Takes a deadline for this instance; false if another one took it first. */
    boolean claim(String id) {
        return collection().findOneAndUpdate(Filters.and(Filters.eq("_id", id), Filters.eq("status", PENDING)),
                Updates.set("status", FIRING), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))
               != null;
    }

    void finish(String id, String outcome) {
        collection().updateOne(Filters.eq("_id", id),
                               Updates.combine(Updates.set("status", DONE), Updates.set("outcome", outcome)));
    }

    void releaseOne(String id) {
        collection().updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("status", FIRING)),
                               Updates.set("status", PENDING));
    }

    /** Deadlines a stopped instance had taken but not finished go back to PENDING (the commands are idempotent). */
    void releaseUnfinished() {
        collection().updateMany(Filters.eq("status", FIRING), Updates.set("status", PENDING));
    }

    public List<Document> of(String contractId) {
        return collection().find(Filters.eq("contractId", contractId)).into(new ArrayList<>());
    }
}
