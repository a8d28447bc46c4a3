package fr.cnam.aam.contracting.core.policy;

import fr.cnam.aam.contracting.api.OpenNonComplianceProcedureCommand;
import fr.cnam.aam.contracting.api.ProposeSuspensionCommand;
import fr.cnam.aam.employment.api.DeadlineMissed;
import fr.cnam.aam.kernel.BusinessRuleViolation;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Employment → contracting: a qualification not obtained in time opens a non-compliance procedure on each
 * contract; an absence that became long (S28: > 3 months without replacement) proposes a suspension. Not during
 * a replay.
 */
@Component
@ProcessingGroup("contracting-policies")
class WhenAssistantDeadlineMissedThenAct {

    private final CommandGateway commands;

    WhenAssistantDeadlineMissedThenAct(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    @DisallowReplay
    void on(DeadlineMissed event) {
        for (String contractId : IndividualContracts.of(event.contractIds())) {
            Object command = switch (event.kind()) {
                case "QUALIFICATION" -> new OpenNonComplianceProcedureCommand(contractId,
                        "assistant's qualification not obtained in time", event.assistantId(), event.dueOn());
                case "LONG_ABSENCE" -> new ProposeSuspensionCommand(contractId,
                        "assistant absent too long without replacement", event.assistantId(), event.dueOn());
                default -> null;
            };
            if (command == null) {
                return;
            }
            try {
                commands.sendAndWait(command);
            } catch (BusinessRuleViolation alreadyHandled) {
                // terminated or suspended already
            }
        }
    }
}
