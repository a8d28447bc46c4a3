package fr.cnam.aam.contracting.core.calendar;

import fr.cnam.aam.contracting.api.ContractRenewed;
import fr.cnam.aam.contracting.api.ContractSigned;
import fr.cnam.aam.contracting.api.ContractTerminated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * Plans a contract's anniversaries and the day after its term from its events. Planning is an upsert on a stable
 * key, so a replay of this group re-plans nothing that exists and never re-opens a deadline that fired.
 */
@Component
@ProcessingGroup("contract-calendar")
class ContractDeadlinePlanner {

    static final String ANNIVERSARY = "ANNIVERSARY";
    static final String TERM = "TERM";

    private final ContractDeadlines deadlines;

    ContractDeadlinePlanner(ContractDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    @EventHandler
    void on(ContractSigned event) {
        plan(event.contractId(), event.startsOn(), event.endsOn());
    }

    @EventHandler
    void on(ContractRenewed event) {
        plan(event.contractId(), event.newTermStartsOn(), event.newTermEndsOn());
    }

    @EventHandler
    void on(ContractTerminated event) {
        deadlines.cancelPending(event.contractId());
    }

    private void plan(String contractId, LocalDate startsOn, LocalDate endsOn) {
        if (startsOn == null || endsOn == null) {
            return; // a revision-1 signature carried no dates
        }
        // each from the start (not from the previous one): 29 February → 28 February → … → 29 February again
        for (int n = 1; !fr.cnam.aam.kernel.Anniversaries.nth(startsOn, n).isAfter(endsOn); n++) {
            deadlines.plan(contractId, ANNIVERSARY, fr.cnam.aam.kernel.Anniversaries.nth(startsOn, n));
        }
        deadlines.plan(contractId, TERM, endsOn.plusDays(1));
    }
}
