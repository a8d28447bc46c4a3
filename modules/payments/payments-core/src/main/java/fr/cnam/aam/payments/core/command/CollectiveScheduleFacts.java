package fr.cnam.aam.payments.core.command;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * What a collective schedule knows of its contract: start, its version, the aid of each year as recorded from each
 * date (the signature, then each ETP avenant) with the ETP it finances, the modulated aid of evaluated years, and
 * the last day if the contract was ended.
 */
record CollectiveScheduleFacts(LocalDate startsOn, String version, NavigableMap<LocalDate, List<Long>> aidFrom,
                               NavigableMap<LocalDate, Integer> etpFrom, Map<Integer, Long> modulatedAid,
                               LocalDate lastDay) {

    /** The aid recorded for {@code year} by the terms in force for {@code days} days of it, in order. */
    record AidDays(long aidCents, int etpPermille, long days) {
    }

    LocalDate startOf(int year) {
        return startsOn.plusYears(year - 1L);
    }

    /** The terms in force from {@code start} (included) to {@code end} (excluded), with their days. */
    List<AidDays> aidWithin(int year, LocalDate start, LocalDate end) {
        List<AidDays> out = new ArrayList<>();
        LocalDate cursor = start;
        LocalDate from = aidFrom.floorKey(start);
        for (LocalDate change : aidFrom.subMap(start, false, end, false).keySet()) {
            out.add(of(from, year, ChronoUnit.DAYS.between(cursor, change)));
            cursor = change;
            from = change;
        }
        out.add(of(from, year, ChronoUnit.DAYS.between(cursor, end)));
        out.removeIf(a -> a.days() == 0);
        return out;
    }

    private AidDays of(LocalDate from, int year, long days) {
        List<Long> aid = aidFrom.get(from);
        return new AidDays(year <= aid.size() ? aid.get(year - 1) : 0L, etpFrom.get(from), days);
    }
}
