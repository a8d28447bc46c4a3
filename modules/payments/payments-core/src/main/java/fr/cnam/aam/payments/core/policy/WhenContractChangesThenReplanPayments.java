package fr.cnam.aam.payments.core.policy;

import fr.cnam.aam.contracting.api.ContractAmended;
import fr.cnam.aam.contracting.api.ContractRenewed;
import fr.cnam.aam.contracting.api.ContractResumed;
import fr.cnam.aam.contracting.api.ContractRevalued;
import fr.cnam.aam.contracting.api.ContractSuspended;
import fr.cnam.aam.contracting.api.ContractTerminated;
import fr.cnam.aam.contracting.api.ObjectivesEvaluated;
import fr.cnam.aam.contracting.api.RegulatoryVersionSwitched;
import fr.cnam.aam.payments.api.ChangeKind;
import fr.cnam.aam.payments.api.ContractChange;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.stereotype.Component;

/**
 * Contracting → payments: every change that alters what a contract is due re-plans its schedule. The change is
 * named after the contract event, so a redelivery changes nothing twice; not during a replay.
 */
@Component
@ProcessingGroup("payments-policies")
@DisallowReplay
class WhenContractChangesThenReplanPayments {

    private final ScheduleChanges changes;

    WhenContractChangesThenReplanPayments(ScheduleChanges changes) {
        this.changes = changes;
    }

    @EventHandler
    void on(ContractAmended e, @MessageIdentifier String id) {
        changes.send(e.contractId(), new ContractChange(id, ChangeKind.OPTION_CHANGED, e.effectiveOn(), null, null,
                null, null, "avenant " + e.avenantReference() + ": " + e.previousOption() + " → " + e.option(),
                e.option()));
    }

    @EventHandler
    void on(RegulatoryVersionSwitched e, @MessageIdentifier String id) {
        changes.send(e.contractId(), new ContractChange(id, ChangeKind.VERSION_SWITCHED, e.effectiveOn(),
                e.contractYear(), e.toVersion(), e.aidAfterCents(), null, e.fromVersion() + " → " + e.toVersion()));
    }

    @EventHandler
    void on(ContractRevalued e, @MessageIdentifier String id) {
        changes.send(e.contractId(), new ContractChange(id, ChangeKind.REVALUED, e.anniversaryOn(), e.contractYear(),
                e.amountsOf(), e.aidAfterCents(), null, "amounts of " + e.amountsOf()));
    }

    @EventHandler
    void on(ContractSuspended e, @MessageIdentifier String id) {
        changes.send(e.contractId(), new ContractChange(id, ChangeKind.SUSPENDED, e.effectiveOn(), null, null, null,
                null, "avenant " + e.avenantReference() + ": " + e.reason()));
    }

    @EventHandler
    void on(ContractResumed e, @MessageIdentifier String id) {
        changes.send(e.contractId(), new ContractChange(id, ChangeKind.RESUMED, e.effectiveOn(), null, null, null,
                null, "avenant " + e.avenantReference() + ": " + e.reason()));
    }

    @EventHandler
    void on(ObjectivesEvaluated e, @MessageIdentifier String id) {
        changes.send(e.contractId(), new ContractChange(id, ChangeKind.OBJECTIVES_EVALUATED, e.evaluatedOn(),
                e.contractYear(), e.regulatoryVersion(), e.modulatedAidCents(), null,
                "objectives " + e.achievementRate() + " % achieved"));
    }

    @EventHandler
    void on(ContractRenewed e, @MessageIdentifier String id) {
        changes.send(e.contractId(), new ContractChange(id, ChangeKind.RENEWED, e.newTermStartsOn(), null, null,
                null, e.newTermEndsOn(), "renewed on " + e.decidedOn()));
    }

    @EventHandler
    void on(ContractTerminated e, @MessageIdentifier String id) {
        changes.send(e.contractId(), new ContractChange(id, ChangeKind.TERMINATED, e.effectiveOn(), null, null,
                null, null, "ended by " + e.by() + ": " + e.reason()));
    }
}
