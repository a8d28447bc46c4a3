package fr.cnam.aam.payments.core.command;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * What a schedule knows of its contract: start, option, band, the hiring, the version from each contract year, the
 * modulated aid of evaluated years, the suspensions that ended, and the last day of the contract if it was ended.
 */
record ScheduleFacts(LocalDate startsOn, String option, String activityBand, LocalDate hiredOn,
                     NavigableMap<Integer, String> versionFromYear, Map<Integer, Long> modulatedAid,
                     List<Period> suspensions, LocalDate lastDay) {

    String versionOf(int year) {
        return versionFromYear.floorEntry(year).getValue();
    }

    LocalDate startOf(int year) {
        return startsOn.plusYears(year - 1L);
    }

    int yearOf(LocalDate date) {
        return (int) java.time.temporal.ChronoUnit.YEARS.between(startsOn, date) + 1;
    }
}
