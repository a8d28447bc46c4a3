package fr.cnam.aam.payments.core.policy;

import fr.cnam.aam.employment.api.HiringProofSubmitted;
import fr.cnam.aam.payments.api.SetHiringDateCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

/** Employment → payments: the proof of hiring dates the 2019 advance from the hiring (S12). Not during a replay. */
@Component
@ProcessingGroup("payments-policies")
class WhenHiringProvenThenDateTheAdvance {

    private final CommandGateway commands;

    WhenHiringProvenThenDateTheAdvance(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    @DisallowReplay
    void on(HiringProofSubmitted event) {
        if (event.contractIds() == null || event.hiredOn() == null) {
            return;
        }
        for (String contractId : event.contractIds()) {
            try {
                commands.sendAndWait(new SetHiringDateCommand(ScheduleIds.of(contractId), event.hiredOn()));
            } catch (AggregateNotFoundException notPlanned) {
                // no schedule for this contract
            }
        }
    }
}
