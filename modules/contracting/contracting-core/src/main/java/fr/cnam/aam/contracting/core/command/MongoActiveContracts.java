package fr.cnam.aam.contracting.core.command;

import fr.cnam.aam.kernel.BusinessRuleViolation;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;

/**
 * The reservations, keyed by RPPS: the unique {@code _id} makes two concurrent signatures for one doctor collide. A
 * reservation may be held until a date ({@code waitingUntil}, exclusive): a collective contract's waiting period,
 * or a member's last day; from then on — by the contract's date and by today's — another contract may take it.
 */
@Component
class MongoActiveContracts implements ActiveContracts {

    static final String COLLECTION = "doctor_active_contracts";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final LegacyHolds legacy;

    MongoActiveContracts(MongoTemplate mongo, Clock clock, LegacyHolds legacy) {
        this.mongo = mongo;
        this.clock = clock;
        this.legacy = legacy;
    }

    @Override
    public boolean reserve(String rpps, String contractId, LocalDate on) {
        try {
            mongo.insert(new Document("_id", rpps).append("contractId", contractId), COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            Document holder = mongo.findById(rpps, Document.class, COLLECTION);
            if (holder == null) {
                return reserve(rpps, contractId, on); // released meanwhile
            }
            String until = holder.getString("waitingUntil");
            if (until == null && !contractId.equals(holder.getString("contractId"))) {
                // a reservation from before holds existed: its contract may have ended long ago
                LocalDate free = legacy.freeFrom(holder.getString("contractId"));
                if (free != null) {
                    holdUntil(rpps, holder.getString("contractId"), free, false);
                    until = free.toString();
                }
            }
            if (contractId.equals(holder.getString("contractId"))) {
                if (until == null) {
                    return false;
                }
                // a member who left and joins again: held for good again
                mongo.updateFirst(Query.query(Criteria.where("_id").is(rpps).and("contractId").is(contractId)),
                                  new Update().unset("waitingUntil").unset("waitingPeriod"), COLLECTION);
                return true;
            }
            LocalDate free = until == null ? null : LocalDate.parse(until);
            // free again only once the hold is over by the contract's date and by today's: a signature dated
            // ahead cannot walk past a waiting period that is still running
            if (free != null && on != null && !on.isBefore(free) && !LocalDate.now(clock).isBefore(free)) {
                Document taken = mongo.findAndReplace(Query.query(Criteria.where("_id").is(rpps)
                                .and("contractId").is(holder.getString("contractId")).and("waitingUntil").is(until)),
                        new Document("_id", rpps).append("contractId", contractId), COLLECTION);
                return taken != null || reserve(rpps, contractId, on);
            }
            if (free != null && Boolean.TRUE.equals(holder.getBoolean("waitingPeriod"))) {
                throw new BusinessRuleViolation("WAITING_PERIOD", "doctor " + rpps + " was a member of a collective "
                        + "contract: no new contract before " + until);
            }
            // the holder's id is not named: it may be another caisse's
            throw new BusinessRuleViolation("SECOND_ACTIVE_CONTRACT", "doctor " + rpps + " already holds a contract"
                    + (free == null ? "" : " until " + free.minusDays(1)));
        }
    }

    @Override
    public void holdUntil(String rpps, String contractId, LocalDate until, boolean waitingPeriod) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(rpps).and("contractId").is(contractId)),
                          new Update().set("waitingUntil", until.toString()).set("waitingPeriod", waitingPeriod),
                          COLLECTION);
    }

    @Override
    public void release(String rpps, String contractId) {
        mongo.remove(Query.query(Criteria.where("_id").is(rpps).and("contractId").is(contractId)), COLLECTION);
    }
}
