package fr.cnam.aam.payments.core.policy;

import fr.cnam.aam.contracting.api.CollectiveContractTerminated;
import fr.cnam.aam.contracting.api.CollectiveEtpChanged;
import fr.cnam.aam.contracting.api.CollectiveObjectivesEvaluated;
import fr.cnam.aam.payments.api.ChangeKind;
import fr.cnam.aam.payments.api.ContractChange;
import fr.cnam.aam.payments.api.PaymentIds;
import fr.cnam.aam.payments.api.RecordCollectiveAidChangeCommand;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.stereotype.Component;

/**
 * Contracting → payments: what changes a collective contract's due aid re-plans its schedule — an ETP avenant (the
 * aid the contract recorded from then on), an evaluation (the year's modulated aid), the termination (its last
 * day). Members joining or leaving change no amount. Named after the contract event; not during a replay.
 * A processing group of its own: new with this release, it starts from the store's beginning, so the collective
 * contracts signed before their payments existed get their schedules too (the events it reads in order).
 */
@Component
@ProcessingGroup("collective-payments-policies")
@DisallowReplay
class WhenCollectiveContractChangesThenReplanPayments {

    private final ScheduleChanges changes;

    WhenCollectiveContractChangesThenReplanPayments(ScheduleChanges changes) {
        this.changes = changes;
    }

    @EventHandler
    void on(CollectiveEtpChanged e, @MessageIdentifier String id) {
        changes.send(new RecordCollectiveAidChangeCommand(PaymentIds.schedule(e.collectiveContractId()), id,
                e.effectiveOn(), e.etpPermille(), e.aidByYearCents(), "avenant " + e.avenantReference() + ": "
                + e.previousEtpPermille() + "‰ → " + e.etpPermille() + "‰ ETP"));
    }

    @EventHandler
    void on(CollectiveObjectivesEvaluated e, @MessageIdentifier String id) {
        changes.send(e.collectiveContractId(), new ContractChange(id, ChangeKind.OBJECTIVES_EVALUATED,
                e.evaluatedOn(), e.contractYear(), e.regulatoryVersion(), e.modulatedAidCents(), null,
                "collective objectives " + e.appliedRatePermille() / 10.0 + " % achieved"));
    }

    @EventHandler
    void on(CollectiveContractTerminated e, @MessageIdentifier String id) {
        changes.send(e.collectiveContractId(), new ContractChange(id, ChangeKind.TERMINATED, e.effectiveOn(), null,
                null, null, null, "ended by " + e.by() + ": " + e.reason()));
    }
}
