package fr.cnam.aam.employment.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** {@code qualified}: the assistant now holds a complete qualification (CQP, or a diploma with the FAE). */
@Revision("1")
public record QualificationObtained(String assistantId, String qualification, LocalDate obtainedOn,
                                    boolean qualified, boolean inTime) {
}
