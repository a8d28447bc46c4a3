package fr.cnam.aam.employment.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The secretary post the assistant left was filled, or the secretariat organised otherwise ({@code how}), on
 * {@code replacedOn}. Revision 2 renamed revision 1's {@code on} (upcast on reading).
 */
@Revision("2")
public record SecretaryPostReplaced(String assistantId, LocalDate replacedOn, String how, boolean inTime) {
}
