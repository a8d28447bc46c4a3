package fr.cnam.aam.payments.core.policy;

import fr.cnam.aam.employment.api.HiringProofSubmitted;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.stereotype.Component;

/**
 * Employment → payments: the proof of hiring dates the 2019 advance from the hiring (S12) and lets the lines
 * waiting for it be ordered. Kept first, so a schedule planned later still receives it. Not during a replay.
 */
@Component
@ProcessingGroup("payments-policies")
class WhenHiringProvenThenDateTheAdvance {

    private final ScheduleChanges changes;
    private final HiringProofs proofs;

    WhenHiringProvenThenDateTheAdvance(ScheduleChanges changes, HiringProofs proofs) {
        this.changes = changes;
        this.proofs = proofs;
    }

    @EventHandler
    @DisallowReplay
    void on(HiringProofSubmitted event, @MessageIdentifier String eventId) {
        if (event.contractIds() == null || event.hiredOn() == null) {
            return;
        }
        for (String contractId : event.contractIds()) {
            proofs.keep(contractId, eventId, event.hiredOn());
            changes.send(contractId, HiringProofs.proven(eventId, event.hiredOn()));
        }
    }
}
