package fr.cnam.aam.contracting.core.policy;

import fr.cnam.aam.contracting.api.ResumeContractCommand;
import fr.cnam.aam.employment.api.AssistantHired;
import fr.cnam.aam.kernel.BusinessRuleViolation;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Employment → contracting: a replacement assistant hired resumes the contracts the departure suspended (S27:
 * "the CPAM reactivates it once a new assistant is hired"). Not during a replay.
 */
@Component
@ProcessingGroup("contracting-policies")
class WhenReplacementHiredThenResume {

    private final CommandGateway commands;

    WhenReplacementHiredThenResume(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    @DisallowReplay
    void on(AssistantHired event) {
        if (event.replacesAssistantId() == null) {
            return;
        }
        for (String contractId : IndividualContracts.of(event.contractIds())) {
            try {
                commands.sendAndWait(new ResumeContractCommand(contractId, "replacement " + event.assistantId(),
                        "replacement assistant hired for " + event.replacesAssistantId(), event.hiredOn()));
            } catch (BusinessRuleViolation notSuspended) {
                // the contract was not suspended: nothing to resume
            }
        }
    }
}
