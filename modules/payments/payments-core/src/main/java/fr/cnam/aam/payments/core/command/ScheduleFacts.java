package fr.cnam.aam.payments.core.command;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * What a schedule knows of its contract: start, the option from each date (signature, avenants), band, the hiring,
 * the version from each contract year, the modulated aid of evaluated years, the suspensions that ended, and the
 * last day of the contract if it was ended.
 */
record ScheduleFacts(LocalDate startsOn, NavigableMap<LocalDate, String> optionFrom, String activityBand,
                     LocalDate hiredOn, NavigableMap<Integer, String> versionFromYear, Map<Integer, Long> modulatedAid,
                     List<Period> suspensions, LocalDate lastDay) {

    /** An option and how many days of a year it covers. */
    record OptionDays(String option, long days) {
    }

    String versionOf(int year) {
        return versionFromYear.floorEntry(year).getValue();
    }

    LocalDate startOf(int year) {
        return startsOn.plusYears(year - 1L);
    }

    /** The options in force from {@code start} (included) to {@code end} (excluded), in order, with their days. */
    List<OptionDays> optionsWithin(LocalDate start, LocalDate end) {
        List<OptionDays> out = new ArrayList<>();
        LocalDate cursor = start;
        String current = optionFrom.floorEntry(start).getValue();
        for (Map.Entry<LocalDate, String> change : optionFrom.subMap(start, false, end, false).entrySet()) {
            out.add(new OptionDays(current, ChronoUnit.DAYS.between(cursor, change.getKey())));
            cursor = change.getKey();
            current = change.getValue();
        }
        out.add(new OptionDays(current, ChronoUnit.DAYS.between(cursor, end)));
        out.removeIf(o -> o.days() == 0);
        return out;
    }
}
