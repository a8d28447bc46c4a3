package fr.cnam.aam.payments.core.policy;

import fr.cnam.aam.employment.api.HiringProofSubmitted;
import fr.cnam.aam.payments.api.ChangeKind;
import fr.cnam.aam.payments.api.ContractChange;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.stereotype.Component;

/** Employment → payments: the proof of hiring dates the 2019 advance from the hiring (S12). Not during a replay. */
@Component
@ProcessingGroup("payments-policies")
class WhenHiringProvenThenDateTheAdvance {

    private final ScheduleChanges changes;

    WhenHiringProvenThenDateTheAdvance(ScheduleChanges changes) {
        this.changes = changes;
    }

    @EventHandler
    @DisallowReplay
    void on(HiringProofSubmitted event, @MessageIdentifier String eventId) {
        if (event.contractIds() == null || event.hiredOn() == null) {
            return;
        }
        for (String contractId : event.contractIds()) {
            changes.send(contractId, new ContractChange(eventId, ChangeKind.HIRING_PROVEN, event.hiredOn(), null,
                                                        null, null, null, "assistant hired on " + event.hiredOn()));
        }
    }
}
