package fr.cnam.aam.payments.core.command;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Days from {@code from} (included) to {@code to} (excluded). */
record Period(LocalDate from, LocalDate to) {

    long daysWithin(LocalDate start, LocalDate end) {
        LocalDate a = from.isAfter(start) ? from : start;
        LocalDate b = to.isBefore(end) ? to : end;
        return a.isBefore(b) ? ChronoUnit.DAYS.between(a, b) : 0;
    }
}
