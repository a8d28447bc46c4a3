package fr.cnam.aam.payments.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** The ETP financed changed by avenant from {@code effectiveOn}: the aid of each year from then on. */
@Revision("1")
public record CollectiveAidChanged(String scheduleId, String collectiveContractId, String changeId,
                                   LocalDate effectiveOn, int etpPermille, List<Long> aidByYearCents,
                                   String reference, String rulebookRevision) {
}
