package fr.cnam.aam.contracting.core.command;

import fr.cnam.aam.eligibility.api.EligibilityAssessed;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** The assessment's own stream in the event store: consistent the moment the assessment is recorded. */
@Component
class EventStoreAssessmentLookup implements AssessmentLookup {

    private final EventStore eventStore;

    EventStoreAssessmentLookup(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Optional<EligibilityAssessed> find(String assessmentId) {
        if (assessmentId == null || assessmentId.isBlank()) {
            return Optional.empty();
        }
        DomainEventStream stream = eventStore.readEvents(assessmentId);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getPayload() instanceof EligibilityAssessed assessed) {
                return Optional.of(assessed);
            }
        }
        return Optional.empty();
    }
}
