package fr.cnam.aam.employment.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** {@code longAbsenceFrom}: the day the absence, if it lasts, becomes long enough to suspend the contracts. */
@Revision("1")
public record AbsenceStarted(String assistantId, List<String> contractIds, LocalDate startedOn, String kind,
                             LocalDate longAbsenceFrom, String rulebookRevision) {
}
