package fr.cnam.aam.employment.core.calendar;

import fr.cnam.aam.employment.api.RecordMissedDeadlineCommand;
import fr.cnam.aam.kernel.BusinessRuleViolation;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;

/** Fires the assistants' deadlines that have come, by the injected clock, each with one effect (ADR 0004). */
@Component
public class AssistantCalendar {

    private final AssistantDeadlineTable deadlines;
    private final CommandGateway commands;
    private final Clock clock;

    AssistantCalendar(AssistantDeadlineTable deadlines, CommandGateway commands, Clock clock) {
        this.deadlines = deadlines;
        this.commands = commands;
        this.clock = clock;
    }

    /** Fires every deadline due by today; returns how many this call closed. */
    public synchronized int fireDue() {
        return deadlines.fireDue(LocalDate.now(clock), deadline -> {
            try {
                commands.sendAndWait(new RecordMissedDeadlineCommand(deadline.getString("assistantId"),
                        deadline.getString("kind"), LocalDate.parse(deadline.getString("dueOn"))));
                return "MISSED";
            } catch (BusinessRuleViolation refused) {
                return "REFUSED " + refused.rule();
            }
        });
    }
}
