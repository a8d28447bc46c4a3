package fr.cnam.aam.regulation;

import java.time.LocalDate;

/** A payment the calendar of the version sets: when, how much (cents), for which contract year, by which rule. */
public record Payment(LocalDate dueDate, long amountCents, int year, Reason rule) {
}
