package fr.cnam.aam.employment.core.calendar;

import fr.cnam.aam.deadlines.DeadlineTable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** The assistants' dates to come: proof, training, qualification, secretary's post, long absence. */
@Component
public class AssistantDeadlineTable extends DeadlineTable {

    AssistantDeadlineTable(MongoTemplate mongo) {
        super(mongo, "assistant_deadlines", "assistantId");
    }
}
