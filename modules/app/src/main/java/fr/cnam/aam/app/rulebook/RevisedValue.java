package fr.cnam.aam.app.rulebook;

import java.time.LocalDate;

/** One corrected value; {@code valueJson} is the value as JSON text so the event holds strings only. */
public record RevisedValue(String parameter, String version, LocalDate from, String valueJson, String source,
                           String confidence) {
}
