package fr.cnam.aam.employment.core.command;

import fr.cnam.aam.kernel.BusinessRuleViolation;
import fr.cnam.aam.kernel.TypedId;
import fr.cnam.aam.regulation.RegulatoryVersion;
import fr.cnam.aam.regulation.Resolved;
import fr.cnam.aam.regulation.Rulebook;

import java.time.LocalDate;
import java.util.List;

/**
 * An assistant employed for a group's collective contract (COLLECTIVE_2026, regulation.md §3b): hired for that one
 * contract, by the company or an employers' group, with the collective's qualification rule. What S38 does not state
 * for the collective aid (the proof's delay, long absences, the list of qualifications) is read, as for any
 * assistant, from the individual version in force on the day — an inference the hiring's rules cite.
 */
final class CollectiveHiring {

    private CollectiveHiring() {
    }

    static boolean isFor(List<String> contractIds) {
        return contractIds.stream().anyMatch(id -> TypedId.isOf("CollectiveContract", id));
    }

    /** The collective version the hiring falls under (its first, for an assistant the company employed before). */
    static RegulatoryVersion version(LocalDate hiredOn, Rulebook rulebook) {
        return rulebook.versionOnOrFirst(hiredOn, RegulatoryVersion.Kind.COLLECTIVE);
    }

    /** The day the collective rules are read on: the hiring, or the version's start if the hiring came first. */
    static LocalDate readOn(LocalDate hiredOn, Rulebook rulebook) {
        LocalDate start = rulebook.startOf(version(hiredOn, rulebook));
        return hiredOn.isBefore(start) ? start : hiredOn;
    }

    static Resolved requireAllowed(List<String> contractIds, String employerType, LocalDate hiredOn,
                                   Rulebook rulebook) {
        if (contractIds.size() != 1) {
            throw new BusinessRuleViolation("COLLECTIVE_CONTRACT_ALONE", "an assistant of a group is hired for its "
                    + "collective contract alone, not with other contracts");
        }
        Resolved employers = rulebook.resolve("collective.assistant.employers", version(hiredOn, rulebook),
                                              readOn(hiredOn, rulebook));
        if (!employers.includes(employerType)) {
            throw new BusinessRuleViolation("EMPLOYER_NOT_ALLOWED", "a group's assistant is employed by "
                    + employers.asCodes() + ", not " + employerType);
        }
        return employers;
    }
}
