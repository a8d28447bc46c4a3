package fr.cnam.aam.payments.core.web;

import org.bson.Document;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sums of lines, in euros: due (payments not cancelled), ordered and paid, recoveries due and recovered, and the net
 * paid (paid less recovered). Lines are added one at a time, so a caisse's ledger is summed as it is read.
 */
final class LedgerTotals {

    private long due;
    private long ordered;
    private long paid;
    private long recoveryDue;
    private long recovered;
    private int lines;

    static Map<String, Object> of(List<Document> lines) {
        LedgerTotals totals = new LedgerTotals();
        lines.forEach(totals::add);
        return totals.toMap();
    }

    void add(Document line) {
        lines++;
        String status = line.getString("status");
        long amount = ((Number) line.get("amountCents")).longValue();
        if ("CANCELLED".equals(status)) {
            return;
        }
        boolean isPaid = "PAID".equals(status);
        if (amount >= 0) {
            due += amount;
            ordered += isPaid || "ORDERED".equals(status) ? amount : 0;
            paid += isPaid ? amount : 0;
        } else {
            recoveryDue -= amount;
            recovered -= isPaid ? amount : 0;
        }
    }

    Map<String, Object> toMap() {
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("due", Euros.of(due));
        totals.put("ordered", Euros.of(ordered));
        totals.put("paid", Euros.of(paid));
        totals.put("recoveryDue", Euros.of(recoveryDue));
        totals.put("recovered", Euros.of(recovered));
        totals.put("netPaid", Euros.of(paid - recovered));
        totals.put("lines", lines);
        return totals;
    }
}
