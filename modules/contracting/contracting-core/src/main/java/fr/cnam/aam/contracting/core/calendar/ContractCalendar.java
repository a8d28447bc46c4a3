package fr.cnam.aam.contracting.core.calendar;

import fr.cnam.aam.contracting.api.ReachTermCommand;
import fr.cnam.aam.contracting.api.RecordAnniversaryCommand;
import fr.cnam.aam.kernel.BusinessRuleViolation;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Fires the deadlines that have come, by the injected clock: an anniversary sends {@link RecordAnniversaryCommand}
 * (a new contract year, the evaluation due, the 2024 revaluation when it applies), the day after the term sends
 * {@link ReachTermCommand}. A command the contract refuses (terminated, already recorded) closes the deadline with
 * that answer: each deadline has one effect, even across restarts.
 */
@Component
public class ContractCalendar {

    private static final Logger log = LoggerFactory.getLogger(ContractCalendar.class);

    private final ContractDeadlines deadlines;
    private final CommandGateway commands;
    private final Clock clock;

    ContractCalendar(ContractDeadlines deadlines, CommandGateway commands, Clock clock) {
        this.deadlines = deadlines;
        this.commands = commands;
        this.clock = clock;
    }

    @EventListener(ContextRefreshedEvent.class)
    void recoverAfterRestart() {
        deadlines.releaseUnfinished();
    }

    /** Fires every deadline due by today; returns how many this call fired. */
    public synchronized int fireDue() {
        LocalDate today = LocalDate.now(clock);
        int fired = 0;
        for (Document deadline : deadlines.due(today)) {
            String id = deadline.getString("_id");
            if (!deadlines.claim(id)) {
                continue;
            }
            String contractId = deadline.getString("contractId");
            LocalDate dueOn = LocalDate.parse(deadline.getString("dueOn"));
            String outcome;
            try {
                if (ContractDeadlinePlanner.TERM.equals(deadline.getString("kind"))) {
                    commands.sendAndWait(new ReachTermCommand(contractId, dueOn));
                } else {
                    commands.sendAndWait(new RecordAnniversaryCommand(contractId, dueOn));
                }
                outcome = "FIRED";
                fired++;
            } catch (BusinessRuleViolation refused) {
                outcome = "REFUSED " + refused.rule();
            } catch (RuntimeException e) {
                log.warn("Deadline {} failed; it will be tried again", id, e);
                deadlines.releaseOne(id);
                continue;
            }
            deadlines.finish(id, outcome);
        }
        return fired;
    }
}
