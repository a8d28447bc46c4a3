package fr.cnam.aam.employment.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** A deadline passed unmet; the contracts it concerns, and the rule (version, revision) that had set it. */
@Revision("1")
public record DeadlineMissed(String assistantId, List<String> contractIds, String kind, LocalDate dueOn,
                             String regulatoryVersion, String rulebookRevision) {
}
