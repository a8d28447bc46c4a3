package fr.cnam.aam.app;

import fr.cnam.aam.employment.api.DeadlineMissed;
import fr.cnam.aam.employment.api.HireAssistantCommand;
import fr.cnam.aam.employment.api.StartAbsenceCommand;
import fr.cnam.aam.employment.api.StartTrainingCommand;
import fr.cnam.aam.employment.core.calendar.AssistantCalendar;
import fr.cnam.aam.employment.core.calendar.AssistantDeadlineTable;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The assistant's deadlines on business time: each missed one is an event, once, and reaches the contract. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = "aam.clock.start=2023-07-05T08:00:00Z")
@ActiveProfiles("test")
class AssistantCalendarTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    AssistantCalendar calendar;
    @Autowired
    AssistantDeadlineTable deadlines;
    @Autowired
    EventStore eventStore;
    @Autowired
    Clock clock;
    @Autowired
    TestRestTemplate http;

    @BeforeEach
    void startOfTheStory() {
        // the clock is the context's, shared with PaymentsEndToEndTest
        BusinessTime.today(clock, BusinessTime.CONTEXT_START);
    }

    private List<DeadlineMissed> missed(String assistantId) {
        return eventStore.readEvents(assistantId).asStream().map(m -> m.getPayload())
                         .filter(p -> p instanceof DeadlineMissed).map(p -> (DeadlineMissed) p).toList();
    }

    private String history(String contractId) {
        Map<?, ?> view = http.getForObject("/api/v1/contracts/" + contractId, Map.class);
        return view == null || view.get("history") == null ? "" : view.get("history").toString();
    }

    @Test
    void missedDeadlinesAreRecordedOnceAndReachTheContract() {
        String contract = "Contract:ac-" + UUID.randomUUID();
        Signatures.assessAndSign(commands, contract, LocalDate.of(2023, 6, 1));
        String assistant = "Assistant:ac-" + UUID.randomUUID();
        // hired on 1 July 2023 without qualification: proof by 16 July (15 days, S12, unverified), training
        // started by 1 July 2025 (2 years), qualified by 1 July 2026 (3 years): §1.7 (S32, S21)
        commands.sendAndWait(new HireAssistantCommand(assistant, List.of(contract), "DOCTOR", true, 35,
                                                      LocalDate.of(2023, 7, 1), List.of(), false, null, "751"));
        await().atMost(Duration.ofSeconds(10)).until(() -> deadlines.of(assistant).size() == 3);
        SettableClock business = (SettableClock) clock;

        // on 5 July 2023, the caisse sees the proof due within 30 days, not the training due in 2025
        List<Map<?, ?>> dueSoon = http.getForObject("/api/v1/assistants/deadlines?caisse=751&days=30", List.class);
        assertThat(dueSoon).extracting(d -> d.get("kind") + " " + d.get("dueOn"))
                           .containsExactly("HIRING_PROOF 2023-07-17");

        assertThat(calendar.fireDue()).isZero();
        business.set(Instant.parse("2023-07-20T08:00:00Z"));
        calendar.fireDue();
        calendar.fireDue();
        assertThat(missed(assistant)).extracting(DeadlineMissed::kind).containsExactly("HIRING_PROOF");
        await().atMost(Duration.ofSeconds(10)).until(() -> String.valueOf(
                http.getForObject("/api/v1/assistants/" + assistant, Map.class).get("deadlines"))
                .contains("hiringProof={dueOn=2023-07-16, status=MISSED}"));

        commands.sendAndWait(new StartTrainingCommand(assistant, LocalDate.of(2024, 9, 1), "CQP"));
        business.set(Instant.parse("2026-07-03T08:00:00Z"));
        await().atMost(Duration.ofSeconds(10)).until(() -> deadlines.of(assistant).stream()
                .anyMatch(d -> "TRAINING_START".equals(d.getString("kind")) && "CANCELLED".equals(d.getString("status"))));
        calendar.fireDue();
        // the training started in time, the qualification did not come: a non-compliance procedure on the contract
        assertThat(missed(assistant)).extracting(DeadlineMissed::kind).containsExactly("HIRING_PROOF", "QUALIFICATION");
        await().atMost(Duration.ofSeconds(10)).until(() -> history(contract).contains("NON_COMPLIANCE_PROCEDURE"));

        // an absence from 1 August 2026 is long from 1 November 2026 (3 months, S28): a suspension is proposed
        commands.sendAndWait(new StartAbsenceCommand(assistant, LocalDate.of(2026, 8, 1), "SICK_LEAVE"));
        await().atMost(Duration.ofSeconds(10)).until(() -> deadlines.of(assistant).stream()
                .anyMatch(d -> "LONG_ABSENCE".equals(d.getString("kind"))));
        business.set(Instant.parse("2026-11-02T08:00:00Z"));
        calendar.fireDue();
        await().atMost(Duration.ofSeconds(10)).until(() -> history(contract).contains("SUSPENSION_PROPOSED"));
        assertThat(missed(assistant)).extracting(DeadlineMissed::kind).endsWith("LONG_ABSENCE");
    }
}
