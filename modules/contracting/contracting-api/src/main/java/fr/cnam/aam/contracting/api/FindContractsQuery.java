package fr.cnam.aam.contracting.api;

/** Contracts matching every filter given (null = any), a page at a time, ordered by identifier. */
public record FindContractsQuery(String caisseCode, String departement, String status, String regulatoryVersion,
                                 String option, int page, int size) {
}
