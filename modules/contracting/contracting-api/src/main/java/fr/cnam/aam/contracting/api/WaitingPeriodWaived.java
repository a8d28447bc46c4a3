package fr.cnam.aam.contracting.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The caisse director exempted a former member from the waiting period: free to sign again from {@code decidedOn}. */
@Revision("1")
public record WaitingPeriodWaived(String collectiveContractId, String rpps, LocalDate decidedOn,
                                  String decisionReference, String reason) implements CollectiveContractEvent {
}
