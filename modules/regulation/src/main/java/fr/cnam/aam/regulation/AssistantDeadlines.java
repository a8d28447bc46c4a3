package fr.cnam.aam.regulation;

import java.time.LocalDate;
import java.util.List;

/**
 * The dates an employing doctor must meet for one assistant; a null date means no such obligation
 * (already qualified, or not a former secretary).
 */
public record AssistantDeadlines(LocalDate trainingStartBy, LocalDate qualifiedBy, LocalDate secretaryReplacedBy,
                                 List<Reason> reasons) {
}
