package fr.cnam.aam.payments.core.policy;

import fr.cnam.aam.payments.api.ChangeKind;
import fr.cnam.aam.payments.api.ContractChange;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The proofs of hiring the payments policies have received, by contract. A proof can arrive before its contract's
 * schedule exists (the signature's policy still running, or parked in the dead-letter queue): it is kept here
 * first, then sent; the schedule, once planned, is sent every proof kept for its contract. Either way it reaches
 * the schedule, and the change's id (the hiring event's) makes a second delivery change nothing.
 */
@Component
class HiringProofs {

    static final String COLLECTION = "payments_hiring_proofs";

    private final MongoTemplate mongo;

    HiringProofs(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void keep(String contractId, String eventId, LocalDate hiredOn) {
        mongo.upsert(Query.query(Criteria.where("_id").is(contractId + "|" + eventId)),
                     new Update().set("contractId", contractId).set("eventId", eventId)
                                 .set("hiredOn", hiredOn.toString()),
                     COLLECTION);
    }

    List<ContractChange> of(String contractId) {
        // by the _id prefix: the _id index answers it, no other index to keep
        return mongo.find(Query.query(Criteria.where("_id").regex("^" + Pattern.quote(contractId + "|"))),
                          Document.class, COLLECTION)
                    .stream().map(d -> proven(d.getString("eventId"), LocalDate.parse(d.getString("hiredOn"))))
                    .toList();
    }

    static ContractChange proven(String eventId, LocalDate hiredOn) {
        return new ContractChange(eventId, ChangeKind.HIRING_PROVEN, hiredOn, null, null, null, null,
                                  "assistant hired on " + hiredOn);
    }
}
