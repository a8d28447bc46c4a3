package fr.cnam.aam.kernel;

import java.time.LocalDate;

/**
 * The anniversaries of a date, one definition for a contract, its calendar and its payments: the n-th anniversary
 * of {@code start} is {@code start.plusYears(n)}, so a contract signed on 29 February has its anniversaries on
 * 28 February in common years and on 29 February in leap years, and its contract year changes on those days.
 */
public final class Anniversaries {

    private Anniversaries() {
    }

    public static LocalDate nth(LocalDate start, int n) {
        return start.plusYears(n);
    }

    /** Whether {@code date} is an anniversary (the first or a later one) of {@code start}. */
    public static boolean isAnniversary(LocalDate start, LocalDate date) {
        int n = date.getYear() - start.getYear();
        return n >= 1 && nth(start, n).equals(date);
    }

    /**
     * The year, counted from 1, that {@code date} falls in: year n + 1 starts on the n-th anniversary (so the year
     * before the start is year 0, and so on backwards).
     */
    public static int yearOf(LocalDate start, LocalDate date) {
        int n = date.getYear() - start.getYear();
        if (nth(start, n).isAfter(date)) {
            n--;
        }
        return n + 1;
    }
}
