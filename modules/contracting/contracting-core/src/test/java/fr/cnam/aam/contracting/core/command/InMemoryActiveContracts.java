package fr.cnam.aam.contracting.core.command;

import fr.cnam.aam.kernel.BusinessRuleViolation;

import java.util.HashMap;
import java.util.Map;

/** The same rule as the MongoDB table, in a map: the aggregate tests are about the aggregate. */
class InMemoryActiveContracts implements ActiveContracts {

    final Map<String, String> holders = new HashMap<>();
    final Map<String, java.time.LocalDate> waiting = new HashMap<>();

    @Override
    public boolean reserve(String rpps, String contractId, java.time.LocalDate on) {
        java.time.LocalDate until = waiting.get(rpps);
        if (until != null && on != null && !on.isBefore(until)) {
            holders.remove(rpps);
            waiting.remove(rpps);
        }
        String holder = holders.putIfAbsent(rpps, contractId);
        if (holder != null && !holder.equals(contractId)) {
            throw new BusinessRuleViolation(waiting.containsKey(rpps) ? "WAITING_PERIOD" : "SECOND_ACTIVE_CONTRACT",
                                            "doctor " + rpps + " already holds " + holder);
        }
        return holder == null;
    }

    @Override
    public void holdUntil(String rpps, String contractId, java.time.LocalDate until) {
        if (contractId.equals(holders.get(rpps))) {
            waiting.put(rpps, until);
        }
    }

    @Override
    public void release(String rpps, String contractId) {
        holders.remove(rpps, contractId);
    }
}
