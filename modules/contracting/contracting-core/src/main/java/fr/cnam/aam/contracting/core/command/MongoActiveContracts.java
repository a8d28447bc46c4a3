package fr.cnam.aam.contracting.core.command;

import fr.cnam.aam.kernel.BusinessRuleViolation;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The reservations, keyed by RPPS: the unique {@code _id} makes two concurrent signatures for one doctor collide. */
@Component
class MongoActiveContracts implements ActiveContracts {

    static final String COLLECTION = "doctor_active_contracts";

    private final MongoTemplate mongo;

    MongoActiveContracts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public boolean reserve(String rpps, String contractId) {
        try {
            mongo.insert(new Document("_id", rpps).append("contractId", contractId), COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            Document holder = mongo.findById(rpps, Document.class, COLLECTION);
            if (holder == null || !contractId.equals(holder.getString("contractId"))) {
                throw new BusinessRuleViolation("SECOND_ACTIVE_CONTRACT", "doctor " + rpps + " already holds "
                        + (holder == null ? "an active contract" : holder.getString("contractId")));
            }
            return false;
        }
    }

    @Override
    public void release(String rpps, String contractId) {
        mongo.remove(Query.query(Criteria.where("_id").is(rpps).and("contractId").is(contractId)), COLLECTION);
    }
}
