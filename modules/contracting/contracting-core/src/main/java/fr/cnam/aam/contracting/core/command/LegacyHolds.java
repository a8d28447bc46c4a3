package fr.cnam.aam.contracting.core.command;

import fr.cnam.aam.contracting.api.ContractRenewed;
import fr.cnam.aam.contracting.api.ContractSigned;
import fr.cnam.aam.contracting.api.ContractTermReached;
import fr.cnam.aam.contracting.api.ContractTerminated;
import fr.cnam.aam.kernel.TypedId;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * The day a reservation recorded before holds existed should have ended: until this release a contract that reached
 * its term kept its doctor reserved for good (nothing released it), and a termination released the doctor at
 * once. Read from the holder contract's own events when another contract asks for the doctor, so no migration has
 * to run first.
 */
@Component
class LegacyHolds {

    private final EventStore eventStore;

    LegacyHolds(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The first day the doctor is free of {@code contractId}, or null while that contract runs. */
    LocalDate freeFrom(String contractId) {
        if (!TypedId.isOf("Contract", contractId)) {
            return null; // a collective contract sets its holds itself
        }
        LocalDate endsOn = null;
        LocalDate last = null;
        for (Object event : eventStore.readEvents(contractId, 0).asStream().map(m -> m.getPayload()).toList()) {
            if (event instanceof ContractSigned signed) {
                endsOn = signed.endsOn();
            } else if (event instanceof ContractRenewed renewed) {
                endsOn = renewed.newTermEndsOn();
                last = null; // renewed: it holds its doctor again
            } else if (event instanceof ContractTermReached reached) {
                last = reached.endedOn();
            } else if (event instanceof ContractTerminated terminated) {
                last = endsOn != null && terminated.effectiveOn().isAfter(endsOn) ? endsOn : terminated.effectiveOn();
            }
        }
        return last == null ? null : last.plusDays(1);
    }
}
