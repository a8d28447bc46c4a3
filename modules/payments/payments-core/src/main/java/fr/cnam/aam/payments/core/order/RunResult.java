package fr.cnam.aam.payments.core.order;

import java.time.LocalDate;
import java.util.List;

/** What a run looked at, the orders it stands behind (new or already issued) and the lines it could not order. */
public record RunResult(LocalDate upTo, LocalDate issuedOn, String caisseCode, int linesDue, List<String> orders,
                        List<Refusal> refused) {

    public record Refusal(String lineId, String rule, String message) {
    }
}
