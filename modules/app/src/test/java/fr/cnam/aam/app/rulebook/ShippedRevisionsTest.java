package fr.cnam.aam.app.rulebook;

import fr.cnam.aam.regulation.RegulatoryVersion;
import fr.cnam.aam.regulation.Rulebook;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A release ships a new rulebook revision under a new name and keeps the earlier ones as they shipped: a caisse
 * revision published on an earlier release's rulebook is rebuilt on that rulebook after the upgrade (it used to
 * fail), and decisions recorded under an earlier name still find it.
 */
class ShippedRevisionsTest {

    private static final String EARLIER = "2026-11-22.1";

    @Test
    void anEarlierShippedRevisionKeepsItsNameAndItsContent() {
        Rulebook current = Rulebook.shipped();
        assertThat(Rulebook.earlierShipped()).contains(EARLIER).doesNotContain(current.revision());
        Rulebook earlier = Rulebook.shipped(EARLIER);
        assertThat(earlier.revision()).isEqualTo(EARLIER);
        // this release added the hiring-proof parameters of the 2019 calendar; the earlier revision had none
        assertThat(current.has("payment.advance.awaitsHiringProof")).isTrue();
        assertThat(earlier.has("payment.advance.awaitsHiringProof")).isFalse();
    }

    @Test
    void aCaisseRevisionPublishedOnAnEarlierReleaseIsRebuiltOnItAfterTheUpgrade() {
        EmbeddedEventStore store = EmbeddedEventStore.builder()
                                                     .storageEngine(new InMemoryEventStorageEngine()).build();
        store.publish(new GenericDomainEventMessage<>("RulebookRevisions", RulebookRevisions.ID, 0,
                new RulebookRevisionPublished(RulebookRevisions.ID, "caisse-2026-11", EARLIER, "grille officielle",
                        LocalDate.of(2026, 11, 25), List.of(new RevisedValue("threshold.mtPatients.MEDECINE_GENERALE",
                        "CONV_2024", LocalDate.of(2024, 6, 22), "1200", "arrêté (test)", "confirmed")))));
        RulebookRegistry registry = new RulebookRegistry(store, Clock.systemUTC());
        assertThat(registry.revisionNames()).containsSubsequence(EARLIER, Rulebook.shipped().revision(),
                                                                 "caisse-2026-11");
        Rulebook published = registry.current();
        assertThat(published.revision()).isEqualTo("caisse-2026-11");
        // a chain begun before the collective aid never knew it: collective decisions use the shipped rulebook
        assertThat(registry.currentFor(RegulatoryVersion.Kind.INDIVIDUAL).revision()).isEqualTo("caisse-2026-11");
        assertThat(registry.currentFor(RegulatoryVersion.Kind.COLLECTIVE).revision())
                .isEqualTo(Rulebook.shipped().revision());
        assertThat(published.resolve("threshold.mtPatients.MEDECINE_GENERALE", RegulatoryVersion.CONV_2024,
                                     LocalDate.of(2025, 1, 1)).asInt()).isEqualTo(1200);
        assertThat(published.has("payment.advance.awaitsHiringProof")).as("built on the earlier rulebook").isFalse();
        assertThat(registry.isShipped(EARLIER)).isTrue();
        assertThat(registry.revision(EARLIER)).isPresent();
    }

    @Test
    void aCaisseChainThatKnowsTheCollectiveAidButNotItsNewerParametersLeavesItToTheShippedRulebook() {
        // a caisse revision published on 2026-12-02.2 (the collective version, but no payment calendar yet, no
        // assistants' employers): collective decisions need parameters only the newer shipped rulebook has
        EmbeddedEventStore store = EmbeddedEventStore.builder()
                                                     .storageEngine(new InMemoryEventStorageEngine()).build();
        store.publish(new GenericDomainEventMessage<>("RulebookRevisions", RulebookRevisions.ID, 0,
                new RulebookRevisionPublished(RulebookRevisions.ID, "caisse-2026-12", "2026-12-02.2", "correction",
                        LocalDate.of(2026, 12, 2), List.of(new RevisedValue("collective.waitingPeriod.years",
                        "COLLECTIVE_2026", LocalDate.of(2026, 2, 25), "3", "arrêté (test)", "confirmed")))));
        RulebookRegistry registry = new RulebookRegistry(store, Clock.systemUTC());
        Rulebook chain = registry.current();
        assertThat(chain.revision()).isEqualTo("caisse-2026-12");
        assertThat(chain.hasVersionsOf(RegulatoryVersion.Kind.COLLECTIVE)).isTrue();
        assertThat(chain.has("collective.assistant.employers")).isFalse();
        // the shipped rulebook decides, with the caisse's collective correction kept, under a name that says so
        Rulebook collective = registry.currentFor(RegulatoryVersion.Kind.COLLECTIVE);
        String merged = "caisse-2026-12+" + Rulebook.shipped().revision();
        assertThat(collective.revision()).isEqualTo(merged);
        assertThat(collective.has("collective.assistant.employers")).isTrue();
        assertThat(collective.resolve("collective.waitingPeriod.years", RegulatoryVersion.COLLECTIVE_2026,
                                      LocalDate.of(2026, 6, 1)).asInt()).isEqualTo(3);
        assertThat(registry.currentFor(RegulatoryVersion.Kind.INDIVIDUAL).revision()).isEqualTo("caisse-2026-12");
        // a decision recorded under that name finds it again, in a registry that never asked for it
        RulebookRegistry restarted = new RulebookRegistry(store, Clock.systemUTC());
        assertThat(restarted.revision(merged)).hasValueSatisfying(r -> assertThat(r.resolve(
                "collective.waitingPeriod.years", RegulatoryVersion.COLLECTIVE_2026, LocalDate.of(2026, 6, 1))
                .asInt()).isEqualTo(3));
    }
}
