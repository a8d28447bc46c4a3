package fr.cnam.aam.payments.core.query;

import fr.cnam.aam.payments.api.CollectiveAidChanged;
import fr.cnam.aam.payments.api.CollectivePaymentSchedulePlanned;
import fr.cnam.aam.payments.api.ContractChangeRecorded;
import fr.cnam.aam.payments.api.PaymentLineCancelled;
import fr.cnam.aam.payments.api.PaymentLinePlanned;
import fr.cnam.aam.payments.api.PaymentLinesChanged;
import fr.cnam.aam.payments.api.PaymentLineRevised;
import fr.cnam.aam.payments.api.PaymentOrderIssued;
import fr.cnam.aam.payments.api.PaymentOrderPaid;
import fr.cnam.aam.payments.api.PaymentOrderRejected;
import fr.cnam.aam.payments.api.PaymentSchedulePlanned;
import fr.cnam.aam.payments.api.PaymentYearDetermined;
import fr.cnam.aam.payments.api.PaymentYearIndeterminate;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Payment lines (one document per line, keyed by its id) and schedules (one per contract, with the changes taken
 * in). Every handler sets values or appends an entry named after its event, so a redelivered event changes nothing
 * and a replay rebuilds the same documents.
 */
@Component
@ProcessingGroup("payment-ledger")
class PaymentLedgerProjection {

    static final String LINES = "payment_lines";
    static final String SCHEDULES = "payment_schedules";

    private final MongoTemplate mongo;

    PaymentLedgerProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(PaymentSchedulePlanned e) {
        mongo.save(new Document("_id", e.scheduleId()).append("scheduleId", e.scheduleId())
                .append("contractId", e.contractId()).append("caisseCode", e.caisseCode())
                .append("signedOn", e.signedOn().toString()).append("regulatoryVersion", e.regulatoryVersion())
                .append("option", e.option()).append("activityBand", e.activityBand())
                .append("contractYears", e.contractYears()).append("rulebookRevision", e.rulebookRevision())
                .append("changes", new ArrayList<>()), SCHEDULES);
    }

    /** A collective contract's schedule: the same document, paid to the group's company, with its ETP. */
    @EventHandler
    void on(CollectivePaymentSchedulePlanned e) {
        mongo.save(new Document("_id", e.scheduleId()).append("scheduleId", e.scheduleId())
                .append("contractId", e.collectiveContractId()).append("kind", "COLLECTIVE")
                .append("caisseCode", e.caisseCode()).append("signedOn", e.signedOn().toString())
                .append("regulatoryVersion", e.regulatoryVersion()).append("etpPermille", e.etpPermille())
                .append("aidByYearCents", e.aidByYearCents()).append("contractYears", e.contractYears())
                .append("rulebookRevision", e.rulebookRevision()).append("changes", new ArrayList<>()),
                   SCHEDULES);
    }

    @EventHandler
    void on(CollectiveAidChanged e, @MessageIdentifier String eventId) {
        Document schedule = mongo.findById(e.scheduleId(), Document.class, SCHEDULES);
        if (schedule == null || hasEntry(schedule, "changes", eventId)) {
            return;
        }
        entries(schedule, "changes").add(new Document("eventId", eventId).append("kind", "ETP_CHANGED")
                .append("effectiveOn", e.effectiveOn().toString()).append("etpPermille", e.etpPermille())
                .append("aidByYearCents", e.aidByYearCents()).append("reference", e.reference())
                .append("rulebookRevision", e.rulebookRevision()));
        schedule.put("etpPermille", e.etpPermille());
        schedule.put("aidByYearCents", e.aidByYearCents());
        mongo.save(schedule, SCHEDULES);
    }

    @EventHandler
    void on(ContractChangeRecorded e, @MessageIdentifier String eventId) {
        Document schedule = mongo.findById(e.scheduleId(), Document.class, SCHEDULES);
        if (schedule == null || hasEntry(schedule, "changes", eventId)) {
            return;
        }
        var change = e.change();
        entries(schedule, "changes").add(new Document("eventId", eventId).append("kind", change.kind().name())
                .append("effectiveOn", change.effectiveOn().toString()).append("contractYear", change.contractYear())
                .append("reference", change.reference()).append("rulebookRevision", e.rulebookRevision()));
        switch (change.kind()) {
            case SUSPENDED -> schedule.putIfAbsent("suspendedSince", change.effectiveOn().toString());
            case RESUMED -> schedule.remove("suspendedSince");
            case TERMINATED -> {
                schedule.put("lastDay", change.effectiveOn().toString());
                schedule.remove("suspendedSince");
            }
            default -> {
            }
        }
        if (schedule.get("suspendedSince") == null) {
            schedule.remove("suspendedSince");
        }
        mongo.save(schedule, SCHEDULES);
    }

    @EventHandler
    void on(PaymentYearIndeterminate e) {
        Document schedule = mongo.findById(e.scheduleId(), Document.class, SCHEDULES);
        if (schedule != null) {
            Document years = schedule.get("indeterminateYears", Document.class);
            years = years == null ? new Document() : years;
            years.put(String.valueOf(e.contractYear()), new Document("parameter", e.parameter())
                    .append("message", e.message()).append("rulebookRevision", e.rulebookRevision()));
            schedule.put("indeterminateYears", years);
            mongo.save(schedule, SCHEDULES);
        }
    }

    @EventHandler
    void on(PaymentYearDetermined e) {
        Document schedule = mongo.findById(e.scheduleId(), Document.class, SCHEDULES);
        Document years = schedule == null ? null : schedule.get("indeterminateYears", Document.class);
        if (years != null) {
            years.remove(String.valueOf(e.contractYear()));
            mongo.save(schedule, SCHEDULES);
        }
    }

    /** One bulk write for the whole re-plan; revisions are kept by event id, in the order they came. */
    @EventHandler
    void on(PaymentLinesChanged e, @MessageIdentifier String eventId) {
        // updates only (an upsert for a new line): the driver sends them as one command, which the embedded server
        // applies under one lock, so a reader sees the re-plan whole or not at all
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.ORDERED, LINES);
        for (PaymentLineRevised r : e.revised()) {
            // keyed by the event: a redelivered event sets the same entry again (and a key-only filter stays an
            // index lookup on the embedded server, where any other criterion scans the collection)
            bulk.updateOne(byId(r.lineId()), new Update().set("amountCents", r.amountCents())
                    .set("dueDate", r.dueDate().toString()).set("amountParameter", r.amountParameter())
                    .set("amountSource", r.amountSource()).set("amountConfidence", r.amountConfidence())
                    .set("regulatoryVersion", r.regulatoryVersion()).set("explanation", r.reason())
                    .set("revisions." + eventId, new Document("eventId", eventId)
                            .append("previousAmountCents", r.previousAmountCents())
                            .append("amountCents", r.amountCents())
                            .append("previousDueDate", r.previousDueDate().toString())
                            .append("dueDate", r.dueDate().toString()).append("reason", r.reason())
                            .append("rulebookRevision", r.rulebookRevision())));
        }
        for (PaymentLineCancelled c : e.cancelled()) {
            bulk.updateOne(byId(c.lineId()), new Update().set("status", "CANCELLED")
                                                          .set("cancelledBecause", c.reason()));
        }
        for (PaymentLinePlanned p : e.planned()) {
            Update insert = new Update();
            planned(p).forEach((field, value) -> {
                if (!"_id".equals(field)) {
                    insert.set(field, value);
                }
            });
            bulk.upsert(byId(p.lineId()), insert);
        }
        bulk.execute();
    }

    private static Query byId(String lineId) {
        return Query.query(Criteria.where("_id").is(lineId));
    }

    private static Document planned(PaymentLinePlanned e) {
        return new Document("_id", e.lineId()).append("lineId", e.lineId()).append("scheduleId", e.scheduleId())
                .append("contractId", e.contractId()).append("caisseCode", e.caisseCode())
                .append("dueDate", e.dueDate().toString()).append("amountCents", e.amountCents())
                .append("contractYear", e.contractYear()).append("kind", e.kind()).append("parameter", e.parameter())
                .append("source", e.source()).append("confidence", e.confidence())
                .append("amountParameter", e.amountParameter()).append("amountSource", e.amountSource())
                .append("amountConfidence", e.amountConfidence()).append("regulatoryVersion", e.regulatoryVersion())
                .append("rulebookRevision", e.rulebookRevision()).append("explanation", e.explanation())
                .append("status", "PLANNED").append("revisions", new Document())
                .append("rejections", new ArrayList<>());
    }

    @EventHandler
    void on(PaymentOrderIssued e) {
        update(e.lineId(), line -> {
            line.put("status", "ORDERED");
            line.put("orderId", e.orderId());
            line.put("orderedOn", e.issuedOn().toString());
            line.put("orderedCents", e.amountCents());
        });
    }

    @EventHandler
    void on(PaymentOrderPaid e) {
        update(e.lineId(), line -> {
            line.put("status", "PAID");
            line.put("paidOn", e.paidOn().toString());
            line.put("paidCents", e.amountCents());
            line.put("paymentReference", e.reference());
        });
    }

    @EventHandler
    void on(PaymentOrderRejected e) {
        update(e.lineId(), line -> {
            if (hasEntry(line, "rejections", e.orderId())) {
                return;
            }
            entries(line, "rejections").add(new Document("eventId", e.orderId()).append("orderId", e.orderId())
                    .append("rejectedOn", e.rejectedOn().toString()).append("reason", e.reason()));
            line.put("status", "REJECTED");
            line.remove("orderId");
            line.remove("orderedOn");
            line.remove("orderedCents");
        });
    }

    @ResetHandler
    void reset() {
        mongo.remove(new Query(), LINES);
        mongo.remove(new Query(), SCHEDULES);
    }

    private void update(String lineId, java.util.function.Consumer<Document> change) {
        Document line = mongo.findById(lineId, Document.class, LINES);
        if (line != null) {
            change.accept(line);
            mongo.save(line, LINES);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Document> entries(Document document, String field) {
        Object list = document.get(field);
        if (!(list instanceof List)) {
            list = new ArrayList<Document>();
            document.put(field, list);
        }
        return (List<Document>) list;
    }

    private static boolean hasEntry(Document document, String field, String eventId) {
        return entries(document, field).stream().anyMatch(d -> eventId.equals(d.get("eventId")));
    }
}
