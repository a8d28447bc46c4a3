package fr.cnam.aam.payments.core.policy;

import fr.cnam.aam.contracting.api.ContractSigned;
import fr.cnam.aam.payments.api.PaymentIds;
import fr.cnam.aam.payments.api.PlanPaymentScheduleCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.stereotype.Component;

/**
 * Contracting → payments: a signature plans the contract's payments, then gives the schedule the proofs of hiring
 * received before it existed ({@link HiringProofs}). Not during a replay.
 */
@Component
@ProcessingGroup("payments-policies")
class WhenContractSignedThenPlanPayments {

    private final CommandGateway commands;
    private final ScheduleChanges changes;
    private final HiringProofs proofs;

    WhenContractSignedThenPlanPayments(CommandGateway commands, ScheduleChanges changes, HiringProofs proofs) {
        this.commands = commands;
        this.changes = changes;
        this.proofs = proofs;
    }

    @EventHandler
    @DisallowReplay
    void on(ContractSigned event) {
        if (event.regulatoryVersion() == null) {
            return; // a revision-1 signature carried no version
        }
        try {
            commands.sendAndWait(new PlanPaymentScheduleCommand(PaymentIds.schedule(event.contractId()),
                    event.contractId(), event.caisseCode(), event.signedOn(), event.regulatoryVersion(),
                    event.option(), event.activityBand()));
        } catch (AggregateStreamCreationException planned) {
            // planned already (a redelivered event)
        }
        proofs.of(event.contractId()).forEach(proof -> changes.send(event.contractId(), proof));
    }
}
