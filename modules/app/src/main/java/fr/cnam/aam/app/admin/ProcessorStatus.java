package fr.cnam.aam.app.admin;

import java.time.Instant;
import java.util.List;

/**
 * Where a streaming processor stands against the head of the event store.
 *
 * @param position       the lowest global position all segments have reached (null before the first event)
 * @param headPosition   the highest global position handed out by the store
 * @param progress       position / head, between 0 and 1
 * @param replayFinishedAt when this instance first saw the replay it started reach the head
 * @param eventsPerSecond during a replay started here: positions covered per second (up to its end)
 * @param etaSeconds     during a replay started here and not finished: seconds left at that rate
 */
public record ProcessorStatus(
        String name,
        boolean running,
        boolean replaying,
        boolean caughtUp,
        Long position,
        long headPosition,
        double progress,
        Instant replayStartedAt,
        Instant replayFinishedAt,
        Double eventsPerSecond,
        List<Segment> segments,
        Double etaSeconds) {

    public record Segment(int segmentId, Long position, Long resetPosition, boolean replaying, boolean caughtUp, String error) {
    }
}
