package fr.cnam.aam.payments.core.query;

import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads the ledger the projection keeps: lines by contract, caisse, month, status. Reads that can cover a whole
 * caisse go in pages by line id with only the fields they need: the embedded server answers a query in one reply
 * whatever the batch size, and a reply is capped at 48 MB.
 */
@Component
public class PaymentLedger {

    /** The fields the totals need. */
    public static final String[] TOTALS = {"status", "amountCents", "dueDate"};
    private static final Sort BY_DATE = Sort.by("dueDate", "_id");
    private final MongoTemplate mongo;
    private final int pageSize;

    PaymentLedger(MongoTemplate mongo, @Value("${aam.payments.read-page-size:5000}") int pageSize) {
        this.mongo = mongo;
        this.pageSize = pageSize;
    }

    public Document schedule(String contractId) {
        return mongo.findOne(Query.query(Criteria.where("contractId").is(contractId)), Document.class,
                             PaymentLedgerProjection.SCHEDULES);
    }

    public List<Document> linesOfContract(String contractId) {
        return mongo.find(Query.query(Criteria.where("contractId").is(contractId)).with(BY_DATE), Document.class,
                          PaymentLedgerProjection.LINES);
    }

    /** Lines due by {@code upTo} that no order pays yet (never ordered, or the last order was rejected). */
    public void forEachOrderable(LocalDate upTo, String caisse, Consumer<Document> each) {
        forEach(caisse(Criteria.where("status").in("PLANNED", "REJECTED").and("dueDate").lte(upTo.toString())
                               .and("amountCents").ne(0L), caisse), each, "lineId", "scheduleId");
    }

    /** Lines of the caisse due from the first day of {@code from} to the last of {@code to}. */
    public void forEachBetween(String caisse, YearMonth from, YearMonth to, Consumer<Document> each) {
        forEach(caisse(Criteria.where("dueDate").gte(from.atDay(1).toString()).lte(to.atEndOfMonth().toString()),
                       caisse), each, TOTALS);
    }

    /** Lines whose due date is before {@code asOf} and that are not paid: never ordered, unanswered or rejected. */
    public void forEachOverdue(String caisse, LocalDate asOf, Consumer<Document> each) {
        forEach(overdue(caisse, asOf), each, TOTALS);
    }

    /** One page of the overdue lines, oldest first. */
    public List<Document> overdue(String caisse, LocalDate asOf, int page, int size) {
        return mongo.find(Query.query(overdue(caisse, asOf)).with(BY_DATE).skip((long) page * size).limit(size),
                          Document.class, PaymentLedgerProjection.LINES);
    }

    /** One page of the orders awaiting the payment system's answer, oldest first. */
    public List<Document> awaitingAnswer(String caisse, int page, int size) {
        return mongo.find(Query.query(caisse(Criteria.where("status").is("ORDERED"), caisse)).with(BY_DATE)
                               .skip((long) page * size).limit(size), Document.class, PaymentLedgerProjection.LINES);
    }

    private static Criteria overdue(String caisse, LocalDate asOf) {
        return caisse(Criteria.where("status").in("PLANNED", "ORDERED", "REJECTED").and("dueDate")
                              .lt(asOf.toString()), caisse);
    }

    private static Criteria caisse(Criteria criteria, String caisse) {
        return caisse == null || caisse.isBlank() ? criteria : criteria.and("caisseCode").is(caisse);
    }

    private void forEach(Criteria criteria, Consumer<Document> each, String... fields) {
        String after = null;
        while (true) {
            Query query = Query.query(criteria).with(Sort.by("_id")).limit(pageSize);
            if (after != null) {
                query.addCriteria(Criteria.where("_id").gt(after));
            }
            query.fields().include(fields);
            List<Document> page = mongo.find(query, Document.class, PaymentLedgerProjection.LINES);
            page.forEach(each);
            if (page.size() < pageSize) {
                return;
            }
            after = page.get(page.size() - 1).getString("_id");
        }
    }
}
