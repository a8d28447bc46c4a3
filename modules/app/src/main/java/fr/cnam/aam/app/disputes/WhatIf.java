package fr.cnam.aam.app.disputes;

import java.math.BigDecimal;
import java.util.List;

/**
 * The same facts re-decided, never stored: per contract year, what was recorded (version and the amount its lines
 * make due) beside the annual aid under the recorded version and revision and under the asked version and revision
 * (with the corrections considered), and the difference. Adjustments of a year (pro rata of a suspension, a termination, an option change;
 * a modulation by the objectives) are in {@code recordedDue} only: the difference is the annual aid's.
 */
record WhatIf(String contractId, String rulebookRevision, String regulatoryVersion, int fromYear,
              List<Year> years, BigDecimal totalDifference) {

    record Year(int contractYear, String recordedVersion, BigDecimal recordedDue, BigDecimal recordedAid,
                String whatIfVersion, BigDecimal whatIfAid, BigDecimal difference, String parameter,
                String source, String confidence) {
    }
}
