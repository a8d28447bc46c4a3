package fr.cnam.aam.payments.core.web;

import fr.cnam.aam.regulation.referential.Caisses;
import fr.cnam.aam.kernel.BusinessRuleViolation;
import fr.cnam.aam.kernel.TypedId;
import fr.cnam.aam.payments.api.AnswerPaymentOrderCommand;
import fr.cnam.aam.payments.api.OrderOutcome;
import fr.cnam.aam.payments.api.PaymentIds;
import fr.cnam.aam.payments.core.order.PaymentOrderRun;
import fr.cnam.aam.payments.core.order.RunResult;
import fr.cnam.aam.payments.core.query.PaymentLedger;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Payments: a contract's schedule with every line and the rule behind it; the ledger by caisse and month; overdue
 * lines; order runs; and the payment system's answers. Money in euros with two decimals.
 */
@RestController
@RequestMapping("/api/v1/payments")
class PaymentController {

    private static final int MAX_MONTHS = 240;
    private static final int MAX_PAGE = 1_000;

    private final PaymentLedger ledger;
    private final PaymentOrderRun orderRun;
    private final CommandGateway commands;
    private final Clock clock;

    PaymentController(PaymentLedger ledger, PaymentOrderRun orderRun, CommandGateway commands, Clock clock) {
        this.ledger = ledger;
        this.orderRun = orderRun;
        this.commands = commands;
        this.clock = clock;
    }

    @GetMapping("/contracts/{contractId}")
    Map<String, Object> schedule(@PathVariable String contractId) {
        return scheduleOf(TypedId.of("Contract", contractId));
    }

    /** A collective contract's schedule: the payments to the group's company, in the same shape. */
    @GetMapping("/collective-contracts/{collectiveContractId}")
    Map<String, Object> collectiveSchedule(@PathVariable String collectiveContractId) {
        return scheduleOf(TypedId.of("CollectiveContract", collectiveContractId));
    }

    private Map<String, Object> scheduleOf(String id) {
        Document schedule = ledger.schedule(id);
        if (schedule == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no payment schedule for " + id);
        }
        List<Document> lines = ledger.linesOfContract(id);
        Map<String, Object> totals = LedgerTotals.of(lines);
        Map<String, Object> body = new LinkedHashMap<>(Euros.render(schedule));
        body.remove("changes");
        body.put("totalDue", totals.get("due"));
        body.put("totals", totals);
        body.put("lines", lines.stream().map(Euros::render).toList());
        body.put("changes", schedule.get("changes"));
        return body;
    }

    @GetMapping("/ledger")
    Map<String, Object> ledger(@RequestParam(required = false) String caisse,
                               @RequestParam(required = false) YearMonth from,
                               @RequestParam(required = false) YearMonth to) {
        requireCaisse(caisse);
        YearMonth last = to != null ? to : YearMonth.now(clock);
        YearMonth first = from != null ? from : last;
        if (first.isAfter(last) || ChronoUnit.MONTHS.between(first, last) >= MAX_MONTHS) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "from must not be after to, and the range "
                                              + "at most " + MAX_MONTHS + " months");
        }
        LedgerTotals all = new LedgerTotals();
        Map<String, LedgerTotals> byMonth = new TreeMap<>();
        ledger.forEachBetween(caisse, first, last, line -> {
            all.add(line);
            byMonth.computeIfAbsent(line.getString("dueDate").substring(0, 7), m -> new LedgerTotals()).add(line);
        });
        List<Map<String, Object>> months = new ArrayList<>();
        byMonth.forEach((month, totals) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("month", month);
            row.putAll(totals.toMap());
            months.add(row);
        });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("caisseCode", caisse);
        body.put("from", first.toString());
        body.put("to", last.toString());
        body.put("totals", all.toMap());
        body.put("months", months);
        return body;
    }

    @GetMapping("/overdue")
    Map<String, Object> overdue(@RequestParam(required = false) String caisse,
                                @RequestParam(required = false) LocalDate asOf,
                                @RequestParam(defaultValue = "0") int page,
                                @RequestParam(defaultValue = "100") int size) {
        requireCaisse(caisse);
        requirePage(page, size);
        LocalDate day = asOf != null ? asOf : LocalDate.now(clock);
        LedgerTotals totals = new LedgerTotals();
        ledger.forEachOverdue(caisse, day, totals::add);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("caisseCode", caisse);
        body.put("asOf", day.toString());
        body.put("totals", totals.toMap());
        body.put("page", page);
        body.put("size", size);
        body.put("lines", ledger.overdue(caisse, day, page, size).stream().map(l -> {
            Map<String, Object> out = Euros.render(l);
            out.put("daysLate", ChronoUnit.DAYS.between(LocalDate.parse(l.getString("dueDate")), day));
            return out;
        }).toList());
        return body;
    }

    @GetMapping("/orders")
    List<Map<String, Object>> awaitingAnswer(@RequestParam(required = false) String caisse,
                                             @RequestParam(defaultValue = "0") int page,
                                             @RequestParam(defaultValue = "100") int size) {
        requireCaisse(caisse);
        requirePage(page, size);
        return ledger.awaitingAnswer(caisse, page, size).stream().map(Euros::render).toList();
    }

    private static void requirePage(int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "page must be 0 or more and size from 1 to "
                                              + MAX_PAGE);
        }
    }

    @PostMapping("/order-runs")
    RunResult run(@RequestBody(required = false) OrderRunRequest request) {
        LocalDate today = LocalDate.now(clock);
        LocalDate upTo = request == null || request.upTo() == null ? today : request.upTo();
        requireCaisse(request == null ? null : request.caisseCode());
        if (upTo.isAfter(today)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "upTo " + upTo + " is after today, " + today
                                              + ": nothing is ordered before it is due");
        }
        return orderRun.run(upTo, today, request == null ? null : request.caisseCode());
    }

    @PostMapping("/orders/{orderId}/answer")
    Map<String, Object> answer(@PathVariable String orderId, @RequestBody OrderAnswerRequest request) {
        String scheduleId = PaymentIds.scheduleOfOrder(orderId);
        if (scheduleId == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no order " + orderId);
        }
        OrderOutcome outcome = outcome(request.status());
        LocalDate today = LocalDate.now(clock);
        LocalDate on = request.answeredOn() != null ? request.answeredOn() : today;
        if (on.isAfter(today)) {
            // the payment system answers what it did: a date to come is no fact yet
            throw new BusinessRuleViolation("ANSWER_IN_FUTURE", "answeredOn " + on + " is after today, " + today);
        }
        Object status = commands.sendAndWait(new AnswerPaymentOrderCommand(scheduleId, orderId, outcome, on,
                                                                          request.reference(), request.reason()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("orderId", orderId);
        body.put("lineId", PaymentIds.lineOfOrder(orderId));
        body.put("status", status);
        body.put("answeredOn", on.toString());
        return body;
    }

    /** A caisse filter names a caisse of the referential, or is absent (all caisses). */
    private static void requireCaisse(String caisse) {
        if (caisse != null) {
            Caisses.requireKnown(caisse);
        }
    }

    private static OrderOutcome outcome(String status) {
        try {
            return OrderOutcome.valueOf(String.valueOf(status).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "status must be paid or rejected, not '"
                                              + status + "'");
        }
    }
}
