package fr.cnam.aam.regulation;

import java.time.LocalDate;

/**
 * A simulation of the aid for a contract signed on {@code signedOn}. {@code version} forces a regulatory version
 * (else the one in force on the date); {@code hiredOn} is when the assistant is hired (the 2019 advance runs from
 * it; defaults to the signature); {@code monthlyEmployerCostCents} is optional.
 */
public record AidRequest(LocalDate signedOn, RegulatoryVersion version, String option, String activityBand,
                         LocalDate hiredOn, Long monthlyEmployerCostCents) {
}
