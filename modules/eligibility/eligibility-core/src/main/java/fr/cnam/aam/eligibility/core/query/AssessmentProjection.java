package fr.cnam.aam.eligibility.core.query;

import fr.cnam.aam.eligibility.api.EligibilityAssessed;
import fr.cnam.aam.eligibility.api.FindAssessmentQuery;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Assessments as they were decided; one event per assessment, so a replayed event simply rewrites the same view. */
@Component
@ProcessingGroup("eligibility-assessments")
class AssessmentProjection {

    static final String COLLECTION = "eligibility_assessments";

    private final MongoTemplate mongo;

    AssessmentProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(EligibilityAssessed event) {
        mongo.save(AssessmentDocument.of(event), COLLECTION);
    }

    @ResetHandler
    void reset() {
        mongo.remove(new Query(), COLLECTION);
    }

    @QueryHandler
    EligibilityAssessed handle(FindAssessmentQuery query) {
        AssessmentDocument document = mongo.findById(query.assessmentId(), AssessmentDocument.class, COLLECTION);
        return document == null ? null : document.event();
    }
}
