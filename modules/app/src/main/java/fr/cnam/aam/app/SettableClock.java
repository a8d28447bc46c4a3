package fr.cnam.aam.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until told to move: business time for tests of deadlines ("a year later…") and for
 * rehearsals, selected with {@code aam.clock.start}. Never the default.
 */
public final class SettableClock extends Clock {

    private final AtomicReference<Instant> now;

    public SettableClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    public void set(Instant instant) {
        now.set(instant);
    }

    /**
     * From now on, the system's time: the demo generator walks business time through past years, then hands the
     * running app back to the present.
     */
    public void followSystemClock() {
        now.set(null);
    }

    public void advance(Duration duration) {
        now.updateAndGet(i -> (i != null ? i : Clock.systemUTC().instant()).plus(duration));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        Instant instant = now.get();
        return instant != null ? instant : Clock.systemUTC().instant();
    }
}
