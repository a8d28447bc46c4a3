package fr.cnam.aam.employment.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record SecretaryPostReplaced(String assistantId, LocalDate on, String how, boolean inTime) {
}
