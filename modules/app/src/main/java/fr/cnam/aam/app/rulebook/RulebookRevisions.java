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

/**
 * The published revisions: names are never reused, and they form a chain — each builds on the current one, so
 * that no publication drops the corrections published before it (one based on an older revision would).
 */
@Aggregate
class RulebookRevisions {

    static final String ID = "Rulebook:revisions";

    @AggregateIdentifier
    private String registryId;
    private final Set<String> revisions = new HashSet<>();
    /** The last revision published; none yet: the shipped one is current. */
    private String current;

    RulebookRevisions() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(PublishRulebookRevisionCommand command, RulebookRegistry registry) {
        if (revisions.contains(command.revision()) || registry.isShipped(command.revision())) {
            throw new BusinessRuleViolation("REVISION_EXISTS", "revision " + command.revision() + " exists already");
        }
        if (!registry.shippedRevision().equals(command.basedOn()) && !revisions.contains(command.basedOn())) {
            throw new BusinessRuleViolation("REVISION_UNKNOWN", "no revision " + command.basedOn() + " to build on");
        }
        String currentRevision = current == null ? registry.shippedRevision() : current;
        if (!currentRevision.equals(command.basedOn())) {
            throw new BusinessRuleViolation("REVISION_NOT_ON_CURRENT", "a revision builds on the current one ("
                    + currentRevision + "): one based on " + command.basedOn()
                    + " would drop the corrections published since");
        }
        apply(new RulebookRevisionPublished(command.registryId(), command.revision(), command.basedOn(),
                                            command.reason(), command.publishedOn(), command.values()));
    }

    @EventSourcingHandler
    void on(RulebookRevisionPublished event) {
        registryId = event.registryId();
        revisions.add(event.revision());
        current = event.revision();
    }
}
