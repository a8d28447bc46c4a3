package fr.cnam.aam.eligibility.core.query;

import fr.cnam.aam.eligibility.api.EligibilityAssessed;
import org.springframework.data.annotation.Id;

/** The stored view: the decision exactly as the event recorded it. */
record AssessmentDocument(@Id String assessmentId, EligibilityAssessed event) {

    static AssessmentDocument of(EligibilityAssessed event) {
        return new AssessmentDocument(event.assessmentId(), event);
    }
}
