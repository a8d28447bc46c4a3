package fr.cnam.aam.regulation;

import java.time.LocalDate;

/** One contract year: the aid due for it (cents), what the assistant costs the doctor, and the difference. */
public record AidYear(int year, LocalDate startsOn, RegulatoryVersion amountsOf, long aidCents,
                      Long employerCostCents, Long netCostCents, Reason rule) {
}
