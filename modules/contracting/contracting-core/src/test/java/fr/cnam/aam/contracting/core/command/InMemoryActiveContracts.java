package fr.cnam.aam.contracting.core.command;

import fr.cnam.aam.kernel.BusinessRuleViolation;

import java.util.HashMap;
import java.util.Map;

/** The same rule as the MongoDB table, in a map: the aggregate tests are about the aggregate. */
class InMemoryActiveContracts implements ActiveContracts {

    final Map<String, String> holders = new HashMap<>();
    final Map<String, java.time.LocalDate> waiting = new HashMap<>();
    final Map<String, Boolean> waitingPeriod = new HashMap<>();

    /** As the table, with the contract's date standing for today (these tests have no clock). */
    @Override
    public boolean reserve(String rpps, String contractId, java.time.LocalDate on) {
        java.time.LocalDate until = waiting.get(rpps);
        if (contractId.equals(holders.get(rpps))) {
            boolean held = waiting.remove(rpps) != null;
            waitingPeriod.remove(rpps);
            return held;
        }
        if (until != null && on != null && !on.isBefore(until)) {
            holders.remove(rpps);
            waiting.remove(rpps);
            waitingPeriod.remove(rpps);
        }
        String holder = holders.putIfAbsent(rpps, contractId);
        if (holder != null && !holder.equals(contractId)) {
            throw new BusinessRuleViolation(Boolean.TRUE.equals(waitingPeriod.get(rpps)) ? "WAITING_PERIOD"
                                                    : "SECOND_ACTIVE_CONTRACT",
                                            "doctor " + rpps + " already holds a contract");
        }
        return holder == null;
    }

    @Override
    public void holdUntil(String rpps, String contractId, java.time.LocalDate until, boolean isWaitingPeriod) {
        if (contractId.equals(holders.get(rpps))) {
            waiting.put(rpps, until);
            waitingPeriod.put(rpps, isWaitingPeriod);
        }
    }

    @Override
    public void release(String rpps, String contractId) {
        if (holders.remove(rpps, contractId)) {
            waiting.remove(rpps);
            waitingPeriod.remove(rpps);
        }
    }
}
