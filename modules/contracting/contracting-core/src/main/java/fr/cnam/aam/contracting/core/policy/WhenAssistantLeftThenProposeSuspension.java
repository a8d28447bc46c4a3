package fr.cnam.aam.contracting.core.policy;

import fr.cnam.aam.contracting.api.ProposeSuspensionCommand;
import fr.cnam.aam.employment.api.AssistantLeft;
import fr.cnam.aam.kernel.BusinessRuleViolation;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Employment → contracting: an assistant who leaves leaves the contracts without assistant; each one gets a
 * suspension proposal (the suspension itself is an avenant the doctor agrees to). Not during a replay.
 */
@Component
@ProcessingGroup("contracting-policies")
class WhenAssistantLeftThenProposeSuspension {

    private final CommandGateway commands;

    WhenAssistantLeftThenProposeSuspension(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    @DisallowReplay
    void on(AssistantLeft event) {
        for (String contractId : IndividualContracts.of(event.contractIds())) {
            try {
                commands.sendAndWait(new ProposeSuspensionCommand(contractId, "assistant left (" + event.reason()
                                                                  + ")", event.assistantId(), event.leftOn()));
            } catch (BusinessRuleViolation alreadyHandled) {
                // suspended or terminated already: nothing to propose
            }
        }
    }
}
