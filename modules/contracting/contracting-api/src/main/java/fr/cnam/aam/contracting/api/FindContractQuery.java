package fr.cnam.aam.contracting.api;

public record FindContractQuery(String contractId) {
}
