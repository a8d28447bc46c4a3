package fr.cnam.aam.contracting.core.calendar;

import fr.cnam.aam.contracting.api.CollectiveContractSigned;
import fr.cnam.aam.contracting.api.CollectiveContractTerminated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Plans the day after a collective contract's term, when the calendar ends it and holds its members in their
 * waiting period; a termination cancels it. Its own processing group: new with this release, it starts from the
 * store's beginning, so the collective contracts signed before it get their term too. An upsert on a stable key,
 * as {@link ContractDeadlinePlanner}'s.
 */
@Component
@ProcessingGroup("collective-contract-calendar")
class CollectiveTermPlanner {

    private final ContractDeadlines deadlines;

    CollectiveTermPlanner(ContractDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    @EventHandler
    void on(CollectiveContractSigned event) {
        deadlines.plan(event.collectiveContractId(), ContractDeadlinePlanner.TERM, event.endsOn().plusDays(1));
    }

    @EventHandler
    void on(CollectiveContractTerminated event) {
        deadlines.cancelPending(event.collectiveContractId());
    }
}
