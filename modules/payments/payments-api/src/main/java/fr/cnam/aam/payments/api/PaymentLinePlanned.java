package fr.cnam.aam.payments.api;

import java.time.LocalDate;

/**
 * A line: when, how much (cents; negative for a recovery), for which contract year, and why — the calendar rule
 * ({@code kind}, {@code parameter}, {@code source}, {@code confidence}) and the amount rule ({@code amount…}), under
 * the version and revision named; {@code explanation} says it in words. Part of {@link PaymentLinesChanged}.
 */
public record PaymentLinePlanned(String scheduleId, String contractId, String caisseCode, String lineId,
                                 LocalDate dueDate, long amountCents, int contractYear, String kind, String parameter,
                                 String source, String confidence, String amountParameter, String amountSource,
                                 String amountConfidence, String regulatoryVersion, String rulebookRevision,
                                 String explanation) {
}
