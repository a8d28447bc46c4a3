package fr.cnam.aam.benchmarks;

import java.util.List;
import java.util.Locale;

/** One run's figures, to print several runs (durability modes) side by side. */
record Figures(String durability, long events, double[] single, double[] eight, double stream, double counting,
               double projection, double raw, long journalForces) {

    static void printSideBySide(List<Figures> runs) {
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%n%-44s", "figure"));
        runs.forEach(r -> header.append(String.format(Locale.ROOT, "%24s", r.durability())));
        System.out.println(header);
        row(runs, "events in the store", r -> String.format(Locale.ROOT, "%,d", r.events()));
        row(runs, "commands/s, 1 thread (p50 / p99 ms)", r -> String.format(Locale.ROOT, "%,.0f (%.1f / %.1f)",
                r.single()[0], r.single()[1], r.single()[2]));
        row(runs, "commands/s, 8 threads (p50 / p99 ms)", r -> String.format(Locale.ROOT, "%,.0f (%.1f / %.1f)",
                r.eight()[0], r.eight()[1], r.eight()[2]));
        row(runs, "journal forces (group commit)", r -> String.format(Locale.ROOT, "%,d", r.journalForces()));
        row(runs, "store stream, events/s", r -> String.format(Locale.ROOT, "%,.0f", r.stream()));
        row(runs, "replay, counting processor, events/s", r -> String.format(Locale.ROOT, "%,.0f", r.counting()));
        row(runs, "replay, contract projection, events/s", r -> String.format(Locale.ROOT, "%,.0f",
                                                                              r.projection()));
        row(runs, "raw driver read, events/s", r -> String.format(Locale.ROOT, "%,.0f", r.raw()));
    }

    private static void row(List<Figures> runs, String label, java.util.function.Function<Figures, String> cell) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-44s", label));
        runs.forEach(r -> line.append(String.format(Locale.ROOT, "%24s", cell.apply(r))));
        System.out.println(line);
    }
}
