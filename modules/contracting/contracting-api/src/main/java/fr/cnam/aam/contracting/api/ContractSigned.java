package fr.cnam.aam.contracting.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record ContractSigned(
        String contractId,
        String rpps,
        String caisseCode,
        String departement,
        String option,
        LocalDate signedOn) implements ContractEvent {
}
