package fr.cnam.aam.payments.core.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers show money in euros with two decimals: every "…Cents" field becomes "…" in euros; "_id" is dropped; the
 * revisions a line keeps by event id are shown as a list, in order.
 */
final class Euros {

    private static final String CENTS = "Cents";

    private Euros() {
    }

    static BigDecimal of(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    static Map<String, Object> render(Map<String, Object> document) {
        Map<String, Object> out = new LinkedHashMap<>();
        document.forEach((key, value) -> {
            if ("_id".equals(key)) {
                return;
            }
            if (key.endsWith(CENTS) && value instanceof Number n) {
                out.put(key.substring(0, key.length() - CENTS.length()), of(n.longValue()));
            } else if (key.endsWith(CENTS) && value instanceof List<?> amounts
                       && amounts.stream().allMatch(Number.class::isInstance)) {
                // a list of amounts (a collective contract's aid by year) in euros too
                out.put(key.substring(0, key.length() - CENTS.length()),
                        amounts.stream().map(a -> of(((Number) a).longValue())).toList());
            } else if (value instanceof List<?> list) {
                out.put(key, list.stream().map(v -> v instanceof Map<?, ?> m ? render(cast(m)) : v).toList());
            } else if ("revisions".equals(key) && value instanceof Map<?, ?> byEvent) {
                out.put(key, byEvent.values().stream().map(v -> render(cast((Map<?, ?>) v))).toList());
            } else {
                out.put(key, value);
            }
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
