package fr.cnam.aam.payments.core.policy;

import fr.cnam.aam.payments.api.ContractChange;
import fr.cnam.aam.payments.api.PaymentIds;
import fr.cnam.aam.payments.api.RecordContractChangeCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

/** Sends a change to the contract's schedule; a contract without one (signed before schedules existed) is left. */
@Component
class ScheduleChanges {

    private final CommandGateway commands;

    ScheduleChanges(CommandGateway commands) {
        this.commands = commands;
    }

    void send(String contractId, ContractChange change) {
        send(new RecordContractChangeCommand(PaymentIds.schedule(contractId), change));
    }

    /** Sends any change command to its schedule (a collective contract's ETP avenant, for one). */
    void send(Object command) {
        try {
            commands.sendAndWait(command);
        } catch (AggregateNotFoundException noSchedule) {
            // nothing planned for this contract
        }
    }
}
