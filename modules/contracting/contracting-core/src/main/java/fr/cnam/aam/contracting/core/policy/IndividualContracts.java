package fr.cnam.aam.contracting.core.policy;

import fr.cnam.aam.kernel.TypedId;

import java.util.List;

/**
 * The individual contracts among an assistant's. A group's assistant names its collective contract, which has no
 * suspension or non-compliance procedure (S38 states none): the employment policies leave it alone rather than
 * send an individual contract's command to it.
 */
final class IndividualContracts {

    private IndividualContracts() {
    }

    static List<String> of(List<String> contractIds) {
        return contractIds == null ? List.of()
                : contractIds.stream().filter(id -> id != null && !TypedId.isOf("CollectiveContract", id)).toList();
    }
}
