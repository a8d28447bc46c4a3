package fr.cnam.aam.payments.core.policy;

/** A contract's schedule is named after it: "Contract:x" → "Schedule:x". */
final class ScheduleIds {

    private ScheduleIds() {
    }

    static String of(String contractId) {
        return "Schedule:" + contractId.substring(contractId.indexOf(':') + 1);
    }
}
