package fr.cnam.aam.app.rulebook;

import fr.cnam.aam.kernel.BusinessRuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** The published revisions: names are never reused, and each revision builds on one that exists. */
@Aggregate
class RulebookRevisions {

    static final String ID = "Rulebook:revisions";

    @AggregateIdentifier
    private String registryId;
    private final Set<String> revisions = new HashSet<>();

    RulebookRevisions() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(PublishRulebookRevisionCommand command, RulebookRegistry registry) {
        if (revisions.contains(command.revision()) || registry.shippedRevision().equals(command.revision())) {
            throw new BusinessRuleViolation("REVISION_EXISTS", "revision " + command.revision() + " exists already");
        }
        if (!registry.shippedRevision().equals(command.basedOn()) && !revisions.contains(command.basedOn())) {
            throw new BusinessRuleViolation("REVISION_UNKNOWN", "no revision " + command.basedOn() + " to build on");
        }
        apply(new RulebookRevisionPublished(command.registryId(), command.revision(), command.basedOn(),
                                            command.reason(), command.publishedOn(), command.values()));
    }

    @EventSourcingHandler
    void on(RulebookRevisionPublished event) {
        registryId = event.registryId();
        revisions.add(event.revision());
    }
}
