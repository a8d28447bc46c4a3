package fr.cnam.aam.contracting.core.command;

import fr.cnam.aam.kernel.BusinessRuleViolation;

import java.util.HashMap;
import java.util.Map;

/** The same rule as the MongoDB table, in a map: the aggregate tests are about the aggregate. */
class InMemoryActiveContracts implements ActiveContracts {

    final Map<String, String> holders = new HashMap<>();

    @Override
    public boolean reserve(String rpps, String contractId) {
        String holder = holders.putIfAbsent(rpps, contractId);
        if (holder != null && !holder.equals(contractId)) {
            throw new BusinessRuleViolation("SECOND_ACTIVE_CONTRACT", "doctor " + rpps + " already holds " + holder);
        }
        return holder == null;
    }

    @Override
    public void release(String rpps, String contractId) {
        holders.remove(rpps, contractId);
    }
}
