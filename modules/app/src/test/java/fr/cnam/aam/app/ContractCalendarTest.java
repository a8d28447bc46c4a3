package fr.cnam.aam.app;

import fr.cnam.aam.contracting.api.ContractAnniversaryReached;
import fr.cnam.aam.contracting.api.ContractRevalued;
import fr.cnam.aam.contracting.core.calendar.ContractCalendar;
import fr.cnam.aam.contracting.core.calendar.ContractDeadlines;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The contract calendar on business time: each deadline fires once, when its day comes. */
@SpringBootTest(properties = "aam.clock.start=2024-05-20T08:00:00Z")
@ActiveProfiles("test")
class ContractCalendarTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    ContractCalendar calendar;
    @Autowired
    ContractDeadlines deadlines;
    @Autowired
    EventStore eventStore;
    @Autowired
    Clock clock;

    private List<Object> events(String contractId) {
        return eventStore.readEvents(contractId).asStream().map(m -> (Object) m.getPayload()).toList();
    }

    @Test
    void anniversariesFireOnceWhenTheirDayComesAndBringThe2024Amounts() {
        String id = "Contract:cal-" + UUID.randomUUID();
        Signatures.assessAndSign(commands, id, LocalDate.of(2023, 6, 1));
        // 5 years (§1.6): anniversaries 2024-06-01 … 2027-06-01, and the day after the term, 2028-06-01
        await().atMost(Duration.ofSeconds(10)).until(() -> deadlines.of(id).size() == 5);
        SettableClock business = (SettableClock) clock;

        calendar.fireDue();
        assertThat(events(id)).noneMatch(e -> e instanceof ContractAnniversaryReached);

        business.set(Instant.parse("2024-06-02T08:00:00Z"));
        calendar.fireDue();
        calendar.fireDue();
        assertThat(events(id)).filteredOn(e -> e instanceof ContractAnniversaryReached).hasSize(1);
        // 1 June 2024 comes before 22 June 2024: no revaluation yet (§3.1)
        assertThat(events(id)).noneMatch(e -> e instanceof ContractRevalued);

        business.set(Instant.parse("2025-06-03T08:00:00Z"));
        calendar.fireDue();
        ContractRevalued revalued = (ContractRevalued) events(id).stream().filter(e -> e instanceof ContractRevalued)
                                                                  .findFirst().orElseThrow();
        // year 3 from 1 June 2025: 21 000 € under the RA 2023, 22 000 € with the 2024 amounts
        assertThat(revalued.aidBeforeCents()).isEqualTo(2_100_000L);
        assertThat(revalued.aidAfterCents()).isEqualTo(2_200_000L);
        assertThat(events(id)).filteredOn(e -> e instanceof ContractAnniversaryReached).hasSize(2);
        assertThat(deadlines.of(id)).filteredOn(d -> "DONE".equals(d.getString("status"))).hasSize(2);
    }
}
