package fr.cnam.aam.app.rulebook;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** A caisse published corrected parameter values as a new rulebook revision, based on an earlier one. */
@Revision("1")
public record RulebookRevisionPublished(String registryId, String revision, String basedOn, String reason,
                                        LocalDate publishedOn, List<RevisedValue> values) {
}
