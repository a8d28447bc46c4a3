package fr.cnam.aam.app;

import fr.cnam.aam.contracting.api.ResumeContractCommand;
import fr.cnam.aam.contracting.api.SuspendContractCommand;
import fr.cnam.aam.contracting.api.TerminateContractCommand;
import fr.cnam.aam.payments.api.ChangeKind;
import fr.cnam.aam.payments.api.ContractChangeRecorded;
import fr.cnam.aam.payments.api.PaymentIds;
import fr.cnam.aam.payments.api.RecordContractChangeCommand;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A policy's command that meets a concurrent change of its aggregate — here another instance writing to the same
 * payment schedule between the policy's load and its append, as two instances running the order ticker do — is
 * tried again and lands; one that keeps failing is parked in the dead-letter queue, visible, with the contract's
 * later events held behind it, and handled in order once retried. Never skipped.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@SuppressWarnings({"rawtypes", "unchecked"})
class PolicyConflictTest {

    /** What the other instance writes to the schedule: nothing the schedule reacts to, only a newer sequence. */
    record ConcurrentScheduleWrite(String by) {
    }

    @Autowired
    CommandGateway commands;
    @Autowired
    CommandBus commandBus;
    @Autowired
    EventStore eventStore;
    @Autowired
    EventStorageEngine storage;
    @Autowired
    TestRestTemplate http;

    /** Schedule id → how many more of its re-plans meet a concurrent write. */
    private final Map<String, AtomicInteger> conflictsToCome = new ConcurrentHashMap<>();
    private Registration interceptor;

    @BeforeEach
    void anotherInstanceWritesBetweenLoadAndAppend() {
        MessageHandlerInterceptor<CommandMessage<?>> concurrentWriter = (unitOfWork, chain) -> {
            if (unitOfWork.getMessage().getPayload() instanceof RecordContractChangeCommand change) {
                AtomicInteger left = conflictsToCome.get(change.scheduleId());
                if (left != null && left.getAndDecrement() > 0) {
                    // runs after the schedule was loaded and before its new events are appended
                    unitOfWork.onPrepareCommit(u -> {
                        long last = storage.lastSequenceNumberFor(change.scheduleId()).orElseThrow();
                        storage.appendEvents(new GenericDomainEventMessage<>("PaymentSchedule", change.scheduleId(),
                                last + 1, new ConcurrentScheduleWrite("the other instance")));
                    });
                }
            }
            return chain.proceed();
        };
        interceptor = commandBus.registerHandlerInterceptor(concurrentWriter);
    }

    @AfterEach
    void stop() {
        interceptor.cancel();
    }

    private List<ChangeKind> changesRecorded(String contractId) {
        return eventStore.readEvents(PaymentIds.schedule(contractId)).asStream()
                         .filter(m -> m.getPayload() instanceof ContractChangeRecorded)
                         .map(m -> ((ContractChangeRecorded) m.getPayload()).change().kind())
                         .toList();
    }

    private void scheduleExists(String contractId) {
        await().atMost(Duration.ofSeconds(15))
               .until(() -> eventStore.lastSequenceNumberFor(PaymentIds.schedule(contractId)).isPresent());
    }

    @Test
    void aTerminationWhoseReplanMeetsAConcurrentWriteIsTriedAgainAndRecorded() {
        String contract = "Contract:conflict-" + System.nanoTime();
        Signatures.assessAndSign(commands, contract, LocalDate.of(2023, 6, 1));
        scheduleExists(contract);
        conflictsToCome.put(PaymentIds.schedule(contract), new AtomicInteger(2));

        commands.sendAndWait(new TerminateContractCommand(contract, "DOCTOR", "retirement", LocalDate.of(2024, 3, 1)));

        await().atMost(Duration.ofSeconds(20)).until(() -> changesRecorded(contract).contains(ChangeKind.TERMINATED));
        assertThat(conflictsToCome.get(PaymentIds.schedule(contract)).get()).isNegative(); // it did meet 2 writes
        assertThat(changesRecorded(contract)).containsExactly(ChangeKind.TERMINATED);
    }

    @Test
    void aReplanThatKeepsFailingIsParkedVisiblyHoldsTheContractsLaterEventsAndIsHandledOnRetry() {
        String contract = "Contract:parked-" + System.nanoTime();
        Signatures.assessAndSign(commands, contract, LocalDate.of(2023, 6, 1));
        scheduleExists(contract);
        conflictsToCome.put(PaymentIds.schedule(contract), new AtomicInteger(Integer.MAX_VALUE));

        commands.sendAndWait(new SuspendContractCommand(contract, "AV-S1", "assistant on leave",
                                                        LocalDate.of(2023, 10, 1)));
        Map<String, Object> queue = await().atMost(Duration.ofSeconds(30)).until(
                () -> (Map<String, Object>) http.getForObject("/api/v1/admin/dead-letters/payments-policies",
                                                              Map.class),
                // this contract's letter (another test may have parked one in the same queue before)
                q -> ((List<Map<String, Object>>) q.get("letters")).stream()
                        .anyMatch(l -> contract.equals(l.get("sequence"))));
        Map<String, Object> letter = ((List<Map<String, Object>>) queue.get("letters")).stream()
                .filter(l -> contract.equals(l.get("sequence"))).findFirst().orElseThrow();
        assertThat(letter.get("eventType")).isEqualTo("ContractSuspended");
        assertThat(letter.get("causeType")).asString().contains("ConcurrencyException");

        // the resumption comes after: held behind the suspension, not handled before it
        commands.sendAndWait(new ResumeContractCommand(contract, "AV-S2", "assistant back", LocalDate.of(2023, 12, 1)));
        await().atMost(Duration.ofSeconds(15)).until(() -> lettersOf(contract).size() == 2);
        assertThat(lettersOf(contract)).extracting(l -> l.get("eventType"))
                                       .containsExactly("ContractSuspended", "ContractResumed");
        assertThat(changesRecorded(contract)).isEmpty();

        // the cause goes away; an administrator retries: both are handled, in their order
        conflictsToCome.remove(PaymentIds.schedule(contract));
        Map<String, Object> retry = http.postForObject(
                "/api/v1/admin/dead-letters/payments-policies/retry?sequence=" + contract, null, Map.class);
        assertThat(retry.get("sequencesHandled")).isEqualTo(1);
        assertThat(lettersOf(contract)).isEmpty();
        assertThat(changesRecorded(contract)).containsExactly(ChangeKind.SUSPENDED, ChangeKind.RESUMED);
    }

    private List<Map<String, Object>> lettersOf(String contract) {
        Map<String, Object> queue = http.getForObject("/api/v1/admin/dead-letters/payments-policies", Map.class);
        return ((List<Map<String, Object>>) queue.get("letters")).stream()
                .filter(l -> contract.equals(l.get("sequence"))).toList();
    }
}
