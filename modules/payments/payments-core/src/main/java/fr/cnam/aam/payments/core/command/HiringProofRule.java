package fr.cnam.aam.payments.core.command;

import fr.cnam.aam.regulation.RegulatoryVersion;
import fr.cnam.aam.regulation.Resolved;
import fr.cnam.aam.regulation.Rulebook;

import java.time.LocalDate;

/**
 * Whether a line waits for the proof of the hiring before it may be ordered. The 2019 advance is due within days
 * of the hiring (S12), so it waits; the rulebook says whether the lines after it wait too. Read, like the calendar,
 * on the version's start or the signature, whichever is later. A collective contract's lines wait or not as its own
 * parameter says.
 */
final class HiringProofRule {

    static final String ADVANCE = "payment.advance.awaitsHiringProof";
    static final String AFTER_ADVANCE = "payment.afterAdvance.awaitsHiringProof";
    static final String COLLECTIVE = "collective.payment.awaitsHiringProof";

    private HiringProofRule() {
    }

    /** The parameter that makes {@code line} wait for the hiring, or {@code null} if it may be ordered without. */
    static String awaitedBy(Line line, LocalDate signedOn, String version, Rulebook rulebook) {
        RegulatoryVersion regulatoryVersion = RegulatoryVersion.valueOf(version);
        LocalDate start = rulebook.startOf(regulatoryVersion);
        LocalDate on = start.isAfter(signedOn) ? start : signedOn;
        String parameter = regulatoryVersion.kind() == RegulatoryVersion.Kind.COLLECTIVE ? COLLECTIVE
                           : "ADVANCE".equals(line.kind) ? ADVANCE : AFTER_ADVANCE;
        Resolved awaits = rulebook.find(parameter, regulatoryVersion, on);
        return awaits != null && awaits.known() && awaits.asBoolean() ? parameter : null;
    }
}
