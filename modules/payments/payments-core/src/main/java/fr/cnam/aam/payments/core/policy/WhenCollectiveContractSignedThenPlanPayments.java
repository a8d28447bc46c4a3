package fr.cnam.aam.payments.core.policy;

import fr.cnam.aam.contracting.api.CollectiveContractSigned;
import fr.cnam.aam.payments.api.PaymentIds;
import fr.cnam.aam.payments.api.PlanCollectivePaymentScheduleCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.stereotype.Component;

/**
 * Contracting → payments: a collective contract's signature plans the payments to the group's company from the aid
 * the contract recorded, then gives the schedule the proofs of hiring received before it existed. Not during a
 * replay.
 * A processing group of its own: new with this release, it starts from the store's beginning, so the collective
 * contracts signed before their payments existed get their schedules too (the events it reads in order).
 */
@Component
@ProcessingGroup("collective-payments-policies")
class WhenCollectiveContractSignedThenPlanPayments {

    private final CommandGateway commands;
    private final ScheduleChanges changes;
    private final HiringProofs proofs;

    WhenCollectiveContractSignedThenPlanPayments(CommandGateway commands, ScheduleChanges changes,
                                                 HiringProofs proofs) {
        this.commands = commands;
        this.changes = changes;
        this.proofs = proofs;
    }

    @EventHandler
    @DisallowReplay
    void on(CollectiveContractSigned event) {
        String id = event.collectiveContractId();
        try {
            commands.sendAndWait(new PlanCollectivePaymentScheduleCommand(PaymentIds.schedule(id), id,
                    event.caisseCode(), event.signedOn(), event.regulatoryVersion(), event.etpPermille(),
                    event.aidByYearCents()));
        } catch (AggregateStreamCreationException planned) {
            // planned already (a redelivered event)
        }
        proofs.of(id).forEach(proof -> changes.send(id, proof));
    }
}
