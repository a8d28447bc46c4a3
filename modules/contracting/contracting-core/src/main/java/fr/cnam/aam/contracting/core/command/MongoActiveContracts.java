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
    public boolean reserve(String rpps, String contractId, java.time.LocalDate on) {
        try {
            mongo.insert(new Document("_id", rpps).append("contractId", contractId), COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            Document holder = mongo.findById(rpps, Document.class, COLLECTION);
            if (holder != null && contractId.equals(holder.getString("contractId"))) {
                return false;
            }
            String waitingUntil = holder == null ? null : holder.getString("waitingUntil");
            if (waitingUntil != null && on != null && !on.isBefore(java.time.LocalDate.parse(waitingUntil))) {
                // the waiting period is over: the reservation passes to this contract, if nobody took it meanwhile
                Document taken = mongo.findAndReplace(Query.query(Criteria.where("_id").is(rpps)
                                .and("contractId").is(holder.getString("contractId"))
                                .and("waitingUntil").is(waitingUntil)),
                        new Document("_id", rpps).append("contractId", contractId), COLLECTION);
                if (taken != null) {
                    return true;
                }
                return reserve(rpps, contractId, on);
            }
            if (waitingUntil != null) {
                throw new BusinessRuleViolation("WAITING_PERIOD", "doctor " + rpps + " was a member of "
                        + holder.getString("contractId") + ": no new contract before " + waitingUntil);
            }
            throw new BusinessRuleViolation("SECOND_ACTIVE_CONTRACT", "doctor " + rpps + " already holds "
                    + (holder == null ? "an active contract" : holder.getString("contractId")));
        }
    }

    @Override
    public void holdUntil(String rpps, String contractId, java.time.LocalDate until) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(rpps).and("contractId").is(contractId)),
                          new org.springframework.data.mongodb.core.query.Update().set("waitingUntil",
                                                                                        until.toString()),
                          COLLECTION);
    }

    @Override
    public void release(String rpps, String contractId) {
        mongo.remove(Query.query(Criteria.where("_id").is(rpps).and("contractId").is(contractId)), COLLECTION);
    }
}
