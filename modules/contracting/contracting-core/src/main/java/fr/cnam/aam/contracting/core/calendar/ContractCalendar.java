package fr.cnam.aam.contracting.core.calendar;

import fr.cnam.aam.contracting.api.ReachCollectiveTermCommand;
import fr.cnam.aam.contracting.api.ReachTermCommand;
import fr.cnam.aam.contracting.api.RecordAnniversaryCommand;
import fr.cnam.aam.kernel.BusinessRuleViolation;
import fr.cnam.aam.kernel.TypedId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Fires the deadlines that have come, by the injected clock: an anniversary sends {@link RecordAnniversaryCommand}
 * (a new contract year, the evaluation due, the 2024 revaluation when it applies), the day after the term sends
 * {@link ReachTermCommand} ({@link ReachCollectiveTermCommand} for a group's collective contract). A command the contract refuses (terminated, already recorded) closes the deadline with
 * that answer: each deadline has one effect, even across restarts.
 */
@Component
public class ContractCalendar {

    private final ContractDeadlines deadlines;
    private final CommandGateway commands;
    private final Clock clock;

    ContractCalendar(ContractDeadlines deadlines, CommandGateway commands, Clock clock) {
        this.deadlines = deadlines;
        this.commands = commands;
        this.clock = clock;
    }

    /** Fires every deadline due by today; returns how many this call closed. */
    public synchronized int fireDue() {
        return deadlines.fireDue(LocalDate.now(clock), deadline -> {
            String contractId = deadline.getString("contractId");
            LocalDate dueOn = LocalDate.parse(deadline.getString("dueOn"));
            try {
                boolean term = ContractDeadlinePlanner.TERM.equals(deadline.getString("kind"));
                if (term && TypedId.isOf("CollectiveContract", contractId)) {
                    commands.sendAndWait(new ReachCollectiveTermCommand(contractId, dueOn));
                } else if (term) {
                    commands.sendAndWait(new ReachTermCommand(contractId, dueOn));
                } else {
                    commands.sendAndWait(new RecordAnniversaryCommand(contractId, dueOn));
                }
                return "FIRED";
            } catch (BusinessRuleViolation refused) {
                return "REFUSED " + refused.rule();
            }
        });
    }
}
