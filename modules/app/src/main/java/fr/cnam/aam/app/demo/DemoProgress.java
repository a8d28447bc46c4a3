package fr.cnam.aam.app.demo;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/** A progress bar on the console, one line rewritten per month: months done, requests sent, refusals. */
final class DemoProgress {

    private static final int WIDTH = 40;
    private final YearMonth first;
    private final long months;
    private final DemoApi api;
    private final long startedNanos = System.nanoTime();

    DemoProgress(YearMonth first, YearMonth last, DemoApi api) {
        this.first = first;
        this.months = ChronoUnit.MONTHS.between(first, last) + 1;
        this.api = api;
    }

    void monthDone(YearMonth month) {
        long done = ChronoUnit.MONTHS.between(first, month) + 1;
        int filled = (int) (WIDTH * done / months);
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        System.out.printf("\rDonnées de démonstration [%s%s] %3d %% %s — %,d requêtes (%,.0f/s), %,d refusées   ",
                          "#".repeat(filled), ".".repeat(WIDTH - filled), 100 * done / months, month,
                          api.requests(), api.requests() / Math.max(seconds, 0.001), api.refused());
        System.out.flush();
    }

    void finish() {
        System.out.println();
    }
}
