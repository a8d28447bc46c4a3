package fr.cnam.aam.app.admin;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.ArrayList;
import java.util.List;

/**
 * The events a processing group could not handle after its retries, parked with the later events of their
 * aggregate held behind them: listed, and retried once the cause is fixed. There is no way to drop one here: an
 * event is handled or it stays visible.
 */
@RestController
@RequestMapping("/api/v1/admin/dead-letters")
class DeadLetterAdminController {

    /** At most this many sequences are retried by one call, so that a call answers in bounded time. */
    private static final int MAX_SEQUENCES_PER_RETRY = 1000;

    private final EventProcessingConfiguration processing;

    DeadLetterAdminController(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @GetMapping
    List<DeadLetterQueueView> all() {
        return processing.eventProcessors().keySet().stream().sorted()
                         .flatMap(group -> processing.deadLetterQueue(group).stream()
                                                     .map(queue -> view(group, queue, false)))
                         .toList();
    }

    @GetMapping("/{group}")
    DeadLetterQueueView one(@PathVariable String group) {
        return view(group, queue(group), true);
    }

    /** Retries the group's parked sequences (or only the one of {@code sequence}); each goes on until it fails. */
    @PostMapping("/{group}/retry")
    DeadLetterRetry retry(@PathVariable String group, @RequestParam(required = false) String sequence) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
        SequencedDeadLetterProcessor<EventMessage<?>> processor =
                processing.sequencedDeadLetterProcessor(group).orElseThrow(() -> notFound(group));
        int tried = 0;
        int handled = 0;
        long before = queue.amountOfSequences();
        while (tried < Math.min(before, MAX_SEQUENCES_PER_RETRY)) {
            boolean ok = sequence == null ? processor.processAny()
                    : processor.process(letter -> sequence.equals(sequenceOf(letter.message())));
            tried++;
            if (ok) {
                handled++;
            }
            if (sequence != null) {
                break;
            }
        }
        return new DeadLetterRetry(group, tried, handled, queue.size());
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String group) {
        if (!processing.eventProcessors().containsKey(group)) {
            throw notFound(group);
        }
        return processing.deadLetterQueue(group).orElseThrow(() -> notFound(group));
    }

    private static ResponseStatusException notFound(String group) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no dead-letter queue for " + group);
    }

    private static DeadLetterQueueView view(String group, SequencedDeadLetterQueue<EventMessage<?>> queue,
                                            boolean withLetters) {
        List<DeadLetterView> letters = new ArrayList<>();
        if (withLetters) {
            for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
                for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                    letters.add(letter(group, letter));
                }
            }
        }
        return new DeadLetterQueueView(group, queue.size(), queue.amountOfSequences(), letters);
    }

    private static DeadLetterView letter(String group, DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> message = letter.message();
        Long aggregateSequence = message instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : null;
        return new DeadLetterView(group, sequenceOf(message), message.getIdentifier(),
                                  message.getPayloadType().getSimpleName(), aggregateSequence,
                                  message.getTimestamp(),
                                  letter.cause().map(c -> c.type()).orElse(null),
                                  letter.cause().map(c -> c.message()).orElse(null),
                                  letter.enqueuedAt(), letter.lastTouched());
    }

    /** The sequence an event is held in: its aggregate's (the processors' per-aggregate sequencing policy). */
    private static String sequenceOf(EventMessage<?> message) {
        return message instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier()
                : message.getIdentifier();
    }
}
