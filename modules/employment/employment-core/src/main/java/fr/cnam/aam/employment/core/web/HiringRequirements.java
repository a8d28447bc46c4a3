package fr.cnam.aam.employment.core.web;

import fr.cnam.aam.contracting.api.CollectiveContractTerminated;
import fr.cnam.aam.contracting.api.ContractTerminated;
import fr.cnam.aam.kernel.BusinessRuleViolation;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * What a hiring must name: contracts that exist and are not terminated, and, for a replacement, an assistant that
 * exists. Read from the event streams, not the views: a contract signed a moment ago is there already.
 */
@Component
class HiringRequirements {

    private final EventStore eventStore;

    HiringRequirements(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    void check(List<String> contractIds, String replacesAssistantId) {
        for (String contractId : contractIds) {
            if (eventStore.lastSequenceNumberFor(contractId).isEmpty()) {
                throw new BusinessRuleViolation("CONTRACT_UNKNOWN", "no contract " + contractId);
            }
            if (eventStore.readEvents(contractId).asStream()
                          .anyMatch(event -> event.getPayload() instanceof ContractTerminated
                                             || event.getPayload() instanceof CollectiveContractTerminated)) {
                throw new BusinessRuleViolation("CONTRACT_TERMINATED", "contract " + contractId
                                                + " is terminated: no assistant can be hired for it");
            }
        }
        if (replacesAssistantId != null && eventStore.lastSequenceNumberFor(replacesAssistantId).isEmpty()) {
            throw new BusinessRuleViolation("ASSISTANT_UNKNOWN", "no assistant " + replacesAssistantId
                                            + " to replace");
        }
    }
}
