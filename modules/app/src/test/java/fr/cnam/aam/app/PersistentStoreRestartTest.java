package fr.cnam.aam.app;

import fr.cnam.aam.contracting.api.AmendContractCommand;
import fr.cnam.aam.contracting.api.ContractAnniversaryReached;
import fr.cnam.aam.contracting.core.calendar.ContractCalendar;
import fr.cnam.aam.contracting.core.calendar.ContractDeadlines;
import fr.cnam.aam.employment.api.DeadlineMissed;
import fr.cnam.aam.employment.api.HireAssistantCommand;
import fr.cnam.aam.employment.core.calendar.AssistantCalendar;
import fr.cnam.aam.employment.core.calendar.AssistantDeadlineTable;
import fr.cnam.aam.contracting.api.ContractView;
import fr.cnam.aam.contracting.api.FindContractQuery;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The default run keeps its data in a file: a stop and a start lose nothing, and commands go on from there. */
class PersistentStoreRestartTest {

    @TempDir
    Path dataDirectory;

    private ConfigurableApplicationContext start(String businessTime) {
        return new SpringApplicationBuilder(AamApplication.class)
                .run("--aam.store.embedded.backend=file",
                     "--aam.store.embedded.directory=" + dataDirectory,
                     "--server.port=0",
                     "--aam.calendar.enabled=false",
                     "--aam.clock.start=" + businessTime);
    }

    private static ContractView view(ConfigurableApplicationContext app, String id) {
        return app.getBean(QueryGateway.class)
                  .query(new FindContractQuery(id), ResponseTypes.instanceOf(ContractView.class)).join();
    }

    @Test
    void aRestartKeepsEventsTokensAndViews() throws Exception {
        String id = "Contract:restart-1";
        String assistant = "Assistant:restart-1";
        try (ConfigurableApplicationContext first = start("2023-06-01T09:00:00Z")) {
            Signatures.assessAndSign(first.getBean(CommandGateway.class), id, LocalDate.of(2023, 6, 1));
            await().atMost(Duration.ofSeconds(10)).until(() -> view(first, id) != null);
            // the calendar has planned the first anniversary, 1 June 2024, before the stop
            await().atMost(Duration.ofSeconds(10)).until(
                    () -> first.getBean(ContractDeadlines.class).of(id).size() == 5);
            // and an assistant hired that day without qualification: proof, training, qualification planned
            first.getBean(CommandGateway.class).sendAndWait(new HireAssistantCommand(assistant, List.of(id),
                    "DOCTOR", true, 35, LocalDate.of(2023, 6, 1), List.of(), false, null, "751"));
            await().atMost(Duration.ofSeconds(10)).until(
                    () -> first.getBean(AssistantDeadlineTable.class).of(assistant).size() == 3);
        }
        assertThat(Files.list(dataDirectory)).isNotEmpty();

        try (ConfigurableApplicationContext second = start("2024-06-02T09:00:00Z")) {
            assertThat(view(second, id)).isNotNull();
            assertThat(second.getBean(EventStore.class).readEvents(id).asStream()).hasSize(1);
            // the aggregate is rebuilt from the file, and the projection resumes from its stored token
            second.getBean(CommandGateway.class).sendAndWait(
                    new AmendContractCommand(id, "AV-1", "HALF_TIME", LocalDate.of(2024, 1, 1), null));
            await().atMost(Duration.ofSeconds(10)).until(() -> view(second, id).version() == 1);
            assertThat(view(second, id).avenants()).hasSize(1);
            // after the restart, on 2 June 2024, the anniversary planned before the stop fires, and only once
            ContractCalendar calendar = second.getBean(ContractCalendar.class);
            calendar.fireDue();
            calendar.fireDue();
            assertThat(second.getBean(EventStore.class).readEvents(id).asStream()
                             .filter(m -> m.getPayload() instanceof ContractAnniversaryReached)).hasSize(1);
            // the proof due by 16 June 2023 never came: missed once, after the restart
            AssistantCalendar assistants = second.getBean(AssistantCalendar.class);
            assistants.fireDue();
            assistants.fireDue();
            assertThat(second.getBean(EventStore.class).readEvents(assistant).asStream()
                             .filter(m -> m.getPayload() instanceof DeadlineMissed)).hasSize(1);
        }
    }
}
