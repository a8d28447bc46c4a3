package fr.cnam.aam.contracting.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The contract's term is over: the caisse renews it or records its termination at term. */
@Revision("1")
public record ContractTermReached(String contractId, LocalDate endedOn) implements ContractEvent {
}
