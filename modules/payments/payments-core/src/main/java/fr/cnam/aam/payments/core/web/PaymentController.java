package fr.cnam.aam.payments.core.web;

import fr.cnam.aam.kernel.TypedId;
import fr.cnam.aam.payments.api.FindPaymentScheduleQuery;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A contract's payment schedule: every line due, with the rule and source behind it. Money in euros. */
@RestController
@RequestMapping("/api/v1/payments")
class PaymentController {

    private final QueryGateway queries;

    PaymentController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/contracts/{contractId}")
    Map<String, Object> schedule(@PathVariable String contractId) {
        String id = TypedId.of("Contract", contractId);
        List<Map<String, Object>> lines = ((List<?>) queries.query(new FindPaymentScheduleQuery(id),
                ResponseTypes.instanceOf(List.class)).join()).stream().map(line -> {
                    Map<String, Object> out = new LinkedHashMap<>((Map<String, Object>) line);
                    out.put("amount", BigDecimal.valueOf(((Number) out.remove("amountCents")).longValue(), 2));
                    return out;
                }).toList();
        long totalCents = lines.stream().mapToLong(l -> ((BigDecimal) l.get("amount")).movePointRight(2)
                                                                                          .longValueExact()).sum();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("contractId", id);
        body.put("totalDue", BigDecimal.valueOf(totalCents, 2));
        body.put("lines", lines);
        return body;
    }
}
