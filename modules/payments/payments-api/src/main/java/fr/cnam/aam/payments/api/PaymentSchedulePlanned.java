package fr.cnam.aam.payments.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** What the schedule was planned from, over {@code contractYears} years; its lines follow as {@link PaymentLinePlanned}. */
@Revision("1")
public record PaymentSchedulePlanned(String scheduleId, String contractId, String caisseCode, LocalDate signedOn,
                                     String regulatoryVersion, String option, String activityBand,
                                     int contractYears, String rulebookRevision) {
}
