package fr.cnam.aam.contracting.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** From this anniversary the contract's aid follows the amounts of {@code amountsOf}; the year's aid before/after. */
@Revision("1")
public record ContractRevalued(String contractId, LocalDate anniversaryOn, int contractYear, String amountsOf,
                               long aidBeforeCents, long aidAfterCents, String parameter, String source,
                               String confidence, String rulebookRevision) implements ContractEvent {
}
