package fr.cnam.aam.contracting.api;

/** The collective contract's view, by its id. */
public record FindCollectiveContractQuery(String collectiveContractId) {
}
