package fr.cnam.aam.app.security;

import fr.cnam.aam.contracting.api.ContractSigned;
import fr.cnam.aam.eligibility.api.EligibilityAssessed;
import fr.cnam.aam.employment.api.AssistantHired;
import fr.cnam.aam.kernel.BusinessRuleViolation;
import fr.cnam.aam.kernel.TypedId;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * The caisse a contract, an assessment or an assistant belongs to, read from the first event of its stream — the
 * record itself, not a projection that could lag. Null when there is no such resource (the controller answers).
 */
@Component
public class CaisseOfResource {

    private final EventStore events;

    CaisseOfResource(EventStore events) {
        this.events = events;
    }

    public String ofContract(String id) {
        return first(id("Contract", id)) instanceof ContractSigned signed ? signed.caisseCode() : null;
    }

    public String ofCollectiveContract(String id) {
        return first(id("CollectiveContract", id)) instanceof fr.cnam.aam.contracting.api.CollectiveContractSigned signed
               ? signed.caisseCode() : null;
    }

    /** The caisse of an individual contract, or of a collective one when the id says "CollectiveContract:". */
    public String ofAnyContract(String id) {
        return TypedId.isOf("CollectiveContract", id) ? ofCollectiveContract(id) : ofContract(id);
    }

    public String ofAssessment(String id) {
        return first(id("Assessment", id)) instanceof EligibilityAssessed assessed ? assessed.caisseCode() : null;
    }

    /** An assistant's caisse as hired, or else its first contract's. */
    public String ofAssistant(String id) {
        if (!(first(id("Assistant", id)) instanceof AssistantHired hired)) {
            return null;
        }
        if (hired.caisseCode() != null) {
            return hired.caisseCode();
        }
        return hired.contractIds() == null || hired.contractIds().isEmpty() ? null
               : ofAnyContract(hired.contractIds().get(0));
    }

    private Object first(String aggregateId) {
        if (aggregateId == null) {
            return null;
        }
        // from sequence 0, never from a snapshot: the first event is the one that names the caisse
        DomainEventStream stream = events.readEvents(aggregateId, 0);
        if (!stream.hasNext()) {
            return null;
        }
        DomainEventMessage<?> first = stream.next();
        return first.getSequenceNumber() == 0 ? first.getPayload() : null;
    }

    private static String id(String type, String raw) {
        try {
            return TypedId.of(type, raw);
        } catch (BusinessRuleViolation notAnId) {
            return null; // the controller refuses it with its rule
        }
    }
}
