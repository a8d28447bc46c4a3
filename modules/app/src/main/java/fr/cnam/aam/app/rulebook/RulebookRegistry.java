package fr.cnam.aam.app.rulebook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.cnam.aam.regulation.Confidence;
import fr.cnam.aam.regulation.ParameterValue;
import fr.cnam.aam.regulation.RegulatoryVersion;
import fr.cnam.aam.regulation.Rulebook;
import fr.cnam.aam.regulation.Rulebooks;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every rulebook revision: the shipped one and those published since, rebuilt from the events of the revision
 * registry. It looks for new events at most once a second (and at once after a publication here), so another
 * instance's revision is in force here within a second, and a command does not pay a store read each time.
 */
@Component
public class RulebookRegistry implements Rulebooks {

    private static final Duration RECHECK = Duration.ofSeconds(1);

    private final EventStore eventStore;
    private final Clock clock;
    private Instant checkedAt = Instant.MIN;
    private final ObjectMapper json = new ObjectMapper();
    private final Rulebook shipped = Rulebook.shipped();
    private final Map<String, Rulebook> revisions = new LinkedHashMap<>();
    /** Each published revision's base and values, to replay a chain's corrections on another rulebook. */
    private final Map<String, RulebookRevisionPublished> published = new LinkedHashMap<>();
    private long appliedSequence = -1;
    private String current;

    RulebookRegistry(EventStore eventStore, Clock clock) {
        this.eventStore = eventStore;
        this.clock = clock;
        // earlier releases' revisions first, as they shipped: what was decided or published on them rebuilds
        for (String earlier : Rulebook.earlierShipped()) {
            revisions.put(earlier, Rulebook.shipped(earlier));
        }
        revisions.put(shipped.revision(), shipped);
        current = shipped.revision();
    }

    public String shippedRevision() {
        return shipped.revision();
    }

    /** Whether a release shipped {@code name} (this one or an earlier one): such a name is never published again. */
    public boolean isShipped(String name) {
        return shipped.revision().equals(name) || Rulebook.earlierShipped().contains(name);
    }

    /**
     * The rulebook that decides contracts of {@code kind}: the current one when it knows that kind, else the
     * newest shipped one — a caisse's chain begun on an earlier release never knew the collective aid, and its
     * corrections cannot concern it. The answer names the revision used either way.
     */
    @Override
    public Rulebook currentFor(fr.cnam.aam.regulation.RegulatoryVersion.Kind kind) {
        Rulebook current = current();
        if (current.hasVersionsOf(kind) && (kind == RegulatoryVersion.Kind.INDIVIDUAL
                                            || current.covers(shipped, kind))) {
            // an individual chain stays in force as it is: the engine reads what later releases added as optional
            return current;
        }
        // a chain begun on an earlier release may not know the kind, or lack parameters added for it since (the
        // collective rules require each of theirs): the shipped rulebook decides, with the chain's own corrections
        // of that kind replayed on it — none is dropped — under a name that says so (and resolves later)
        return mergedOnShipped(current.revision(), kind);
    }

    /** The shipped rulebook with the corrections of that kind the chain ending at {@code chain} published. */
    private synchronized Rulebook mergedOnShipped(String chain, RegulatoryVersion.Kind kind) {
        List<RulebookRevisionPublished> steps = chainOf(chain);
        if (steps.stream().flatMap(step -> step.values().stream())
                 .noneMatch(v -> RegulatoryVersion.valueOf(v.version()).kind() == kind)) {
            return shipped; // no correction of that kind to keep: the shipped rulebook, by its own name
        }
        String name = chain + "+" + shipped.revision();
        Rulebook merged = revisions.get(name);
        if (merged == null) {
            merged = shipped.revise(name, Map.of());
            for (RulebookRevisionPublished step : steps) {
                List<RevisedValue> ofKind = step.values().stream()
                        .filter(v -> RegulatoryVersion.valueOf(v.version()).kind() == kind).toList();
                merged = merged.revise(name, corrections(ofKind));
            }
            revisions.put(name, merged);
        }
        return merged;
    }

    /** The published revisions from a shipped base up to {@code revision}, in the order they were published. */
    private List<RulebookRevisionPublished> chainOf(String revision) {
        List<RulebookRevisionPublished> chain = new ArrayList<>();
        for (RulebookRevisionPublished step = published.get(revision); step != null;
             step = published.get(step.basedOn())) {
            chain.add(0, step);
        }
        return chain;
    }

    @Override
    public synchronized Rulebook current() {
        refresh();
        return revisions.get(current);
    }

    @Override
    public synchronized Optional<Rulebook> revision(String name) {
        refresh();
        Rulebook found = revisions.get(name);
        String suffix = "+" + shipped.revision();
        if (found == null && name != null && name.endsWith(suffix)
            && published.containsKey(name.substring(0, name.length() - suffix.length()))) {
            // a collective decision named a chain's corrections on the shipped rulebook (currentFor): rebuilt alike
            found = mergedOnShipped(name.substring(0, name.length() - suffix.length()),
                                    RegulatoryVersion.Kind.COLLECTIVE);
        }
        return Optional.ofNullable(found);
    }

    public synchronized List<String> revisionNames() {
        refresh();
        return new ArrayList<>(revisions.keySet());
    }

    /** The revision a publication would produce: fails on an unknown parameter or version before anything is written. */
    public Rulebook preview(String newRevision, String basedOn, List<RevisedValue> values) {
        Rulebook base = revision(basedOn).orElseThrow(() -> new IllegalArgumentException("no revision " + basedOn));
        return base.revise(newRevision, corrections(values));
    }

    /** A revision was just published here: look for it on the next read. */
    public synchronized void invalidate() {
        checkedAt = Instant.MIN;
    }

    private void refresh() {
        Instant now = clock.instant();
        if (Duration.between(checkedAt, now).compareTo(RECHECK) < 0) {
            return;
        }
        checkedAt = now;
        long last = eventStore.lastSequenceNumberFor(RulebookRevisions.ID).orElse(-1L);
        if (last <= appliedSequence) {
            return;
        }
        eventStore.readEvents(RulebookRevisions.ID, appliedSequence + 1).asStream().forEach(this::apply);
    }

    private void apply(DomainEventMessage<?> message) {
        if (message.getPayload() instanceof RulebookRevisionPublished published) {
            Rulebook base = revisions.get(published.basedOn());
            if (base == null) {
                throw new IllegalStateException("revision " + published.revision() + " is based on "
                        + published.basedOn() + ", which no release ships: restore rulebook-history/"
                        + published.basedOn());
            }
            revisions.put(published.revision(), base.revise(published.revision(), corrections(published.values())));
            this.published.put(published.revision(), published);
            current = published.revision();
        }
        appliedSequence = message.getSequenceNumber();
    }

    private Map<String, List<ParameterValue>> corrections(List<RevisedValue> values) {
        Map<String, List<ParameterValue>> byParameter = new LinkedHashMap<>();
        for (RevisedValue v : values) {
            try {
                byParameter.computeIfAbsent(v.parameter(), p -> new ArrayList<>())
                           .add(new ParameterValue(RegulatoryVersion.valueOf(v.version()), v.from(),
                                                   json.readTree(v.valueJson()), v.source(),
                                                   Confidence.of(v.confidence())));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("value of " + v.parameter() + " is not JSON", e);
            }
        }
        return byParameter;
    }
}
