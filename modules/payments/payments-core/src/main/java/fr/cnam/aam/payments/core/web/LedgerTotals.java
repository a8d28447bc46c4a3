package fr.cnam.aam.payments.core.web;

import org.bson.Document;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sums of a set of lines, in euros: due (payments not cancelled), ordered and paid, recoveries due and recovered,
 * and the net paid (paid less recovered).
 */
final class LedgerTotals {

    private LedgerTotals() {
    }

    static Map<String, Object> of(List<Document> lines) {
        long due = 0;
        long ordered = 0;
        long paid = 0;
        long recoveryDue = 0;
        long recovered = 0;
        for (Document line : lines) {
            String status = line.getString("status");
            long amount = ((Number) line.get("amountCents")).longValue();
            if ("CANCELLED".equals(status)) {
                continue;
            }
            boolean orderedOrPaid = "ORDERED".equals(status) || "PAID".equals(status);
            if (amount >= 0) {
                due += amount;
                ordered += orderedOrPaid ? amount : 0;
                paid += "PAID".equals(status) ? amount : 0;
            } else {
                recoveryDue -= amount;
                recovered -= "PAID".equals(status) ? amount : 0;
            }
        }
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("due", Euros.of(due));
        totals.put("ordered", Euros.of(ordered));
        totals.put("paid", Euros.of(paid));
        totals.put("recoveryDue", Euros.of(recoveryDue));
        totals.put("recovered", Euros.of(recovered));
        totals.put("netPaid", Euros.of(paid - recovered));
        totals.put("lines", lines.size());
        return totals;
    }
}
