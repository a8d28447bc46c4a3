package fr.cnam.aam.contracting.core.calendar;

import fr.cnam.aam.deadlines.DeadlineTable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** The contracts' dates to come: anniversaries and the day after the term (see {@link DeadlineTable}). */
@Component
public class ContractDeadlines extends DeadlineTable {

    ContractDeadlines(MongoTemplate mongo) {
        super(mongo, "contract_deadlines", "contractId");
    }
}
