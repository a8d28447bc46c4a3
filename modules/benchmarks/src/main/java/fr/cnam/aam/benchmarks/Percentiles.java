package fr.cnam.aam.benchmarks;

import java.util.Arrays;
import java.util.Locale;

/** Latencies in milliseconds at given quantiles, and the maximum, as one printed row of a benchmark's table. */
final class Percentiles {

    private Percentiles() {
    }

    static void print(String label, long[] nanos, double... quantiles) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-44s", label));
        for (double quantile : quantiles) {
            row.append(String.format(Locale.ROOT, " %8.2f", ms(sorted, quantile)));
        }
        row.append(String.format(Locale.ROOT, " %8.2f", sorted[sorted.length - 1] / 1e6));
        System.out.println(row);
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
