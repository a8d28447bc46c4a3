package fr.cnam.aam.employment.core.calendar;

import fr.cnam.aam.employment.api.RecordMissedDeadlineCommand;
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

/** Fires the assistants' deadlines that have come, by the injected clock, each with one effect (ADR 0004). */
@Component
public class AssistantCalendar {

    private static final Logger log = LoggerFactory.getLogger(AssistantCalendar.class);

    private final AssistantDeadlineTable deadlines;
    private final CommandGateway commands;
    private final Clock clock;

    AssistantCalendar(AssistantDeadlineTable deadlines, CommandGateway commands, Clock clock) {
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
        int fired = 0;
        for (Document deadline : deadlines.due(LocalDate.now(clock))) {
            String id = deadline.getString("_id");
            if (!deadlines.claim(id)) {
                continue;
            }
            String outcome;
            try {
                commands.sendAndWait(new RecordMissedDeadlineCommand(deadline.getString("assistantId"),
                        deadline.getString("kind"), LocalDate.parse(deadline.getString("dueOn"))));
                outcome = "MISSED";
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
