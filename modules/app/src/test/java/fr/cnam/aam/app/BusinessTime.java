package fr.cnam.aam.app;

import java.time.Clock;
import java.time.Instant;

/**
 * Business time for the tests that share the context started with {@code aam.clock.start=2023-07-05T08:00:00Z}
 * (AssistantCalendarTest, PaymentsEndToEndTest, DisputeEndToEndTest): each moves the one clock, then puts it back.
 */
final class BusinessTime {

    /** The context's start, where every test of it begins and leaves the clock. */
    static final String CONTEXT_START = "2023-07-05";

    private BusinessTime() {
    }

    /** Today is {@code date}, 08:00 UTC. */
    static void today(Clock clock, String date) {
        ((SettableClock) clock).set(Instant.parse(date + "T08:00:00Z"));
    }
}
