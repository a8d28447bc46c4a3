package fr.cnam.aam.employment.core.calendar;

import fr.cnam.aam.employment.api.AbsenceEnded;
import fr.cnam.aam.employment.api.AbsenceStarted;
import fr.cnam.aam.employment.api.AssistantHired;
import fr.cnam.aam.employment.api.AssistantLeft;
import fr.cnam.aam.employment.api.HiringProofSubmitted;
import fr.cnam.aam.employment.api.QualificationObtained;
import fr.cnam.aam.employment.api.SecretaryPostReplaced;
import fr.cnam.aam.employment.api.TrainingStarted;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * Plans, from the assistant's events, the day after each deadline (when, unmet, it is missed) and the day an absence
 * becomes long; cancels what the events meet. Upserts on stable keys: a replay changes nothing.
 */
@Component
@ProcessingGroup("employment-calendar")
class AssistantDeadlinePlanner {

    private final AssistantDeadlineTable deadlines;
    private final java.util.Map<String, String> caisses = new java.util.concurrent.ConcurrentHashMap<>();

    AssistantDeadlinePlanner(AssistantDeadlineTable deadlines) {
        this.deadlines = deadlines;
    }

    @EventHandler
    void on(AssistantHired e) {
        caisses.put(e.assistantId(), e.caisseCode() == null ? "" : e.caisseCode());
        planAfter(e.assistantId(), "HIRING_PROOF", e.hiringProofBy(), e.caisseCode());
        planAfter(e.assistantId(), "TRAINING_START", e.trainingStartBy(), e.caisseCode());
        planAfter(e.assistantId(), "QUALIFICATION", e.qualifiedBy(), e.caisseCode());
        planAfter(e.assistantId(), "SECRETARY_REPLACEMENT", e.secretaryReplacedBy(), e.caisseCode());
    }

    @EventHandler
    void on(HiringProofSubmitted e) {
        deadlines.cancelPending(e.assistantId(), "HIRING_PROOF");
    }

    @EventHandler
    void on(TrainingStarted e) {
        deadlines.cancelPending(e.assistantId(), "TRAINING_START");
    }

    @EventHandler
    void on(QualificationObtained e) {
        if (e.qualified()) {
            deadlines.cancelPending(e.assistantId(), "TRAINING_START");
            deadlines.cancelPending(e.assistantId(), "QUALIFICATION");
        }
    }

    @EventHandler
    void on(SecretaryPostReplaced e) {
        deadlines.cancelPending(e.assistantId(), "SECRETARY_REPLACEMENT");
    }

    @EventHandler
    void on(AbsenceStarted e) {
        deadlines.plan(e.assistantId(), "LONG_ABSENCE", e.longAbsenceFrom(), caisse(e.assistantId()));
    }

    @EventHandler
    void on(AbsenceEnded e) {
        deadlines.cancelPending(e.assistantId(), "LONG_ABSENCE");
    }

    @EventHandler
    void on(AssistantLeft e) {
        deadlines.cancelPending(e.assistantId());
    }

    private void planAfter(String assistantId, String kind, LocalDate lastDay, String caisseCode) {
        if (lastDay != null) {
            deadlines.plan(assistantId, kind, lastDay.plusDays(1),
                           caisseCode == null ? java.util.Map.of() : java.util.Map.of("caisseCode", caisseCode));
        }
    }

    /** The caisse recorded with the assistant's first deadlines, for the ones planned later. */
    private java.util.Map<String, Object> caisse(String assistantId) {
        String known = caisses.get(assistantId);
        if (known == null) {
            known = deadlines.of(assistantId).stream().map(d -> d.getString("caisseCode"))
                             .filter(java.util.Objects::nonNull).findFirst().orElse("");
        }
        return known.isEmpty() ? java.util.Map.of() : java.util.Map.of("caisseCode", known);
    }
}
