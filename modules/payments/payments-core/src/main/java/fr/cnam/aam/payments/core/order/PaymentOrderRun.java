package fr.cnam.aam.payments.core.order;

import fr.cnam.aam.kernel.BusinessRuleViolation;
import fr.cnam.aam.payments.api.IssuePaymentOrderCommand;
import fr.cnam.aam.payments.core.query.PaymentLedger;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Orders every line due by a date that no order pays yet. The schedule decides: a line ordered already gives back
 * its order, a suspended contract's line is refused with the rule's code — so a run retried or run twice orders
 * nothing twice.
 */
@Component
public class PaymentOrderRun {

    private static final Logger log = LoggerFactory.getLogger(PaymentOrderRun.class);
    private static final int PROGRESS_EVERY = 500;

    private final PaymentLedger ledger;
    private final CommandGateway commands;

    PaymentOrderRun(PaymentLedger ledger, CommandGateway commands) {
        this.ledger = ledger;
        this.commands = commands;
    }

    public RunResult run(LocalDate upTo, LocalDate issuedOn, String caisse) {
        List<Document> due = new ArrayList<>();
        ledger.forEachOrderable(upTo, caisse, due::add);
        List<String> orders = new ArrayList<>();
        List<RunResult.Refusal> refused = new ArrayList<>();
        for (int i = 0; i < due.size(); i++) {
            Document line = due.get(i);
            String lineId = line.getString("lineId");
            try {
                Object orderId = commands.sendAndWait(new IssuePaymentOrderCommand(line.getString("scheduleId"),
                                                                                   lineId, issuedOn));
                if (orderId != null) {
                    orders.add(orderId.toString());
                }
            } catch (BusinessRuleViolation e) {
                refused.add(new RunResult.Refusal(lineId, e.rule(), e.getMessage()));
            } catch (RuntimeException e) {
                // a rule wrapped by the bus, or a concurrent writer (another instance's run): the next run retries
                BusinessRuleViolation rule = e.getCause() instanceof BusinessRuleViolation v ? v : null;
                refused.add(new RunResult.Refusal(lineId, rule == null ? "FAILED" : rule.rule(), e.getMessage()));
            }
            if ((i + 1) % PROGRESS_EVERY == 0) {
                log.info("payment order run up to {}: {} of {} lines done", upTo, i + 1, due.size());
            }
        }
        return new RunResult(upTo, issuedOn, caisse, due.size(), orders, refused);
    }
}
