package fr.cnam.aam.employment.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The proof of hiring reached the caisse; {@code inTime} against the deadline set at hiring. */
@Revision("1")
public record HiringProofSubmitted(String assistantId, LocalDate submittedOn, boolean inTime, LocalDate hiredOn,
                                   java.util.List<String> contractIds) {
}
