package fr.cnam.aam.payments.core.query;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** Reads the ledger the projection keeps: lines by contract, caisse, month, status. */
@Component
public class PaymentLedger {

    private static final Sort BY_DATE = Sort.by("dueDate", "_id");
    private final MongoTemplate mongo;

    PaymentLedger(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Document schedule(String contractId) {
        return mongo.findOne(Query.query(Criteria.where("contractId").is(contractId)), Document.class,
                             PaymentLedgerProjection.SCHEDULES);
    }

    public List<Document> linesOfContract(String contractId) {
        return find(Criteria.where("contractId").is(contractId));
    }

    public Document line(String lineId) {
        return mongo.findById(lineId, Document.class, PaymentLedgerProjection.LINES);
    }

    /** Lines due by {@code upTo} that no order pays yet (never ordered, or the last order was rejected). */
    public List<Document> orderable(LocalDate upTo, String caisse) {
        return find(caisse(Criteria.where("status").in("PLANNED", "REJECTED").and("dueDate").lte(upTo.toString())
                                   .and("amountCents").ne(0L), caisse));
    }

    /** Lines of the caisse due from the first day of {@code from} to the last of {@code to}. */
    public List<Document> between(String caisse, YearMonth from, YearMonth to) {
        return find(caisse(Criteria.where("dueDate").gte(from.atDay(1).toString()).lte(to.atEndOfMonth().toString()),
                           caisse));
    }

    /** Lines whose due date is before {@code asOf} and that are not paid: never ordered, unanswered or rejected. */
    public List<Document> overdue(String caisse, LocalDate asOf) {
        return find(caisse(Criteria.where("status").in("PLANNED", "ORDERED", "REJECTED")
                                   .and("dueDate").lt(asOf.toString()), caisse));
    }

    /** Orders awaiting the payment system's answer. */
    public List<Document> awaitingAnswer(String caisse) {
        return find(caisse(Criteria.where("status").is("ORDERED"), caisse));
    }

    private static Criteria caisse(Criteria criteria, String caisse) {
        return caisse == null || caisse.isBlank() ? criteria : criteria.and("caisseCode").is(caisse);
    }

    private List<Document> find(Criteria criteria) {
        return mongo.find(Query.query(criteria).with(BY_DATE), Document.class, PaymentLedgerProjection.LINES);
    }
}
