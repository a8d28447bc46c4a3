package fr.cnam.aam.contracting.api;

/** An objective fixed at signature, with the rulebook value behind it. */
public record ContractObjective(String criterion, int initial, long increasePermille, int target, int floor,
                                String parameter, String source, String confidence) {
}
