package fr.cnam.aam.payments.core.query;

import fr.cnam.aam.payments.api.FindPaymentScheduleQuery;
import fr.cnam.aam.payments.api.PaymentLinePlanned;
import fr.cnam.aam.payments.api.PaymentLineRescheduled;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.List;

/** Payment lines by contract, each with the rule behind it; a line is keyed by its identifier, so replays rewrite. */
@Component
@ProcessingGroup("payment-ledger")
class PaymentLedgerProjection {

    static final String COLLECTION = "payment_lines";

    private final MongoTemplate mongo;

    PaymentLedgerProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(PaymentLinePlanned e) {
        mongo.save(new Document("_id", e.lineId()).append("lineId", e.lineId()).append("contractId", e.contractId())
                .append("dueDate", e.dueDate().toString()).append("amountCents", e.amountCents())
                .append("contractYear", e.contractYear()).append("kind", e.kind()).append("parameter", e.parameter())
                .append("source", e.source()).append("confidence", e.confidence())
                .append("regulatoryVersion", e.regulatoryVersion()).append("rulebookRevision", e.rulebookRevision())
                .append("status", "DUE"), COLLECTION);
    }

    @EventHandler
    void on(PaymentLineRescheduled e) {
        Document line = mongo.findById(e.lineId(), Document.class, COLLECTION);
        if (line != null) {
            line.put("dueDate", e.dueDate().toString());
            line.put("rescheduled", e.reason());
            mongo.save(line, COLLECTION);
        }
    }

    @ResetHandler
    void reset() {
        mongo.remove(new Query(), COLLECTION);
    }

    @QueryHandler
    @SuppressWarnings("rawtypes")
    List handle(FindPaymentScheduleQuery query) {
        List<Document> lines = mongo.find(Query.query(Criteria.where("contractId").is(query.contractId()))
                                               .with(Sort.by("dueDate", "_id")), Document.class, COLLECTION);
        lines.forEach(line -> line.remove("_id"));
        return lines;
    }
}
