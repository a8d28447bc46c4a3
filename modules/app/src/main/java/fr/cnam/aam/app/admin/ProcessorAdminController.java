package fr.cnam.aam.app.admin;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rebuilds projections: a replay resets a processing group's tokens to the start of the store and lets it run
 * again, its {@code @ResetHandler} clearing what it built. Progress is read from the processor's own tokens.
 */
@RestController
@RequestMapping("/api/v1/admin/processors")
class ProcessorAdminController {

    /** When a replay started here, and when it was first seen finished (for a rate that stops at the end). */
    private record Replay(Instant startedAt, Instant finishedAt) {
    }

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final Clock clock;
    private final Map<String, Replay> replays = new ConcurrentHashMap<>();

    ProcessorAdminController(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
        // a rebuild's rate and ETA are measured in the operator's time, not in business time (which a rehearsal
        // or the demo generator holds still or moves by months)
        this.clock = Clock.systemUTC();
    }

    @GetMapping
    List<ProcessorStatus> all() {
        return processing.eventProcessors().keySet().stream().sorted().map(this::status).toList();
    }

    @GetMapping("/{name}")
    ProcessorStatus one(@PathVariable String name) {
        return status(name);
    }

    @PostMapping("/{name}/replay")
    ResponseEntity<ProcessorStatus> replay(@PathVariable String name) {
        StreamingEventProcessor processor = processor(name);
        if (!processor.supportsReset()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, name + " cannot be replayed");
        }
        processor.shutDown();
        try {
            processor.resetTokens();
        } catch (org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException e) {
            processor.start();
            throw new ResponseStatusException(HttpStatus.CONFLICT,
                    "another instance still holds segments of " + name + ": stop its processor first", e);
        }
        replays.put(name, new Replay(clock.instant(), null));
        processor.start();
        return ResponseEntity.accepted().body(status(name));
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                         .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                                                                        "no streaming processor named " + name));
    }

    private ProcessorStatus status(String name) {
        StreamingEventProcessor processor = processor(name);
        long head = eventStore.createHeadToken().position().orElse(0L);
        List<ProcessorStatus.Segment> segments = processor.processingStatus().values().stream()
                .sorted(Comparator.comparingInt(s -> s.getSegment().getSegmentId()))
                .map(ProcessorAdminController::segment)
                .toList();
        Long position = segments.stream().map(ProcessorStatus.Segment::position)
                                .map(p -> p == null ? 0L : p).min(Long::compare).orElse(null);
        boolean replaying = segments.stream().anyMatch(ProcessorStatus.Segment::replaying);
        boolean caughtUp = !segments.isEmpty() && segments.stream().allMatch(ProcessorStatus.Segment::caughtUp);
        double progress = head == 0 ? 1.0 : Math.min(1.0, (position == null ? 0 : position) / (double) head);
        Replay replay = replays.get(name);
        Double rate = null;
        if (replay != null && position != null) {
            if (replay.finishedAt() == null && !replaying && caughtUp) {
                replay = new Replay(replay.startedAt(), clock.instant());
                replays.put(name, replay);
            }
            Instant end = replay.finishedAt() == null ? clock.instant() : replay.finishedAt();
            double seconds = Duration.between(replay.startedAt(), end).toMillis() / 1000.0;
            rate = seconds <= 0 ? null : position / seconds;
        }
        Double eta = null;
        if (rate != null && rate > 0 && replay.finishedAt() == null) {
            eta = Math.max(0, head - (position == null ? 0 : position)) / rate;
        }
        return new ProcessorStatus(name, processor.isRunning(), replaying, caughtUp, position, head, progress,
                                   replay == null ? null : replay.startedAt(),
                                   replay == null ? null : replay.finishedAt(), rate, segments, eta);
    }

    private static ProcessorStatus.Segment segment(EventTrackerStatus status) {
        Long position = status.getCurrentPosition().isPresent() ? status.getCurrentPosition().getAsLong() : null;
        String error = status.isErrorState() ? String.valueOf(status.getError()) : null;
        Long resetPosition = status.getResetPosition().isPresent() ? status.getResetPosition().getAsLong() : null;
        // Axon keeps a segment "replaying" until it sees an event past the reset point; for a person watching,
        // the replay is over once the segment has reached that point
        boolean replaying = status.isReplaying() && (position == null || resetPosition == null
                                                     || position < resetPosition);
        return new ProcessorStatus.Segment(status.getSegment().getSegmentId(), position, resetPosition, replaying,
                                           status.isCaughtUp(), error);
    }
}
