package fr.cnam.aam.regulation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a group may sign the collective aid, with a reason for each rule (regulation.md §3b): its company's legal
 * form, each member (a GP, not MEP, of an eligible sector), the members' average patientèle médecin traitant, and
 * the ETP it chooses within its cap (a member each, plus the teaching bonus from its date).
 */
final class CollectiveEligibility {

    private final Rulebook rulebook;
    private final RegulatoryVersion version;
    private final LocalDate date;
    final List<Reason> reasons = new ArrayList<>();
    private boolean refused;
    private boolean unknown;

    CollectiveEligibility(Rulebook rulebook, RegulatoryVersion version, LocalDate date) {
        this.rulebook = rulebook;
        this.version = version;
        this.date = date;
    }

    EligibilityStatus status() {
        return refused ? EligibilityStatus.NOT_ELIGIBLE
                : unknown ? EligibilityStatus.INDETERMINATE : EligibilityStatus.ELIGIBLE;
    }

    Resolved get(String name) {
        return rulebook.resolve(name, version, date);
    }

    void check(Runnable rule) {
        try {
            rule.run();
        } catch (MissingParameter e) {
            missing(e);
        }
    }

    /** A value the rulebook does not have: the decision is indeterminate, and says which. */
    void missing(MissingParameter e) {
        unknown = true;
        reasons.add(Reason.missing(e));
    }

    void structure(String structure) {
        Resolved allowed = get("collective.signatory.structures");
        if (allowed.includes(structure)) {
            reasons.add(Reason.of("STRUCTURE_ELIGIBLE", structure + " may sign the collective contract", allowed));
        } else {
            refuse("STRUCTURE_NOT_ELIGIBLE", structure + " may not sign (one of " + allowed.asCodes() + ")",
                   allowed);
        }
    }

    void members(List<GroupMember> members) {
        if (members.isEmpty()) {
            refused = true;
            reasons.add(new Reason("GROUP_EMPTY", "a collective contract names its member doctors", null, null,
                                   null));
            return;
        }
        java.util.Set<String> named = new java.util.HashSet<>();
        for (GroupMember member : members) {
            if (!named.add(member.rpps())) {
                // one doctor counts once: twice would raise the cap and the average
                refused = true;
                reasons.add(new Reason("MEMBER_DUPLICATE", member.rpps() + " is named twice", null, null, null));
            }
        }
        Resolved specialties = get("collective.member.specialties");
        Resolved sectors = get("collective.member.sectors");
        Resolved noMep = get("collective.member.excludesMep");
        for (GroupMember member : members) {
            if (!specialties.includes(member.specialty())) {
                refuse("MEMBER_SPECIALTY_NOT_ELIGIBLE", member.rpps() + ": " + member.specialty()
                       + " may not be a member", specialties);
            }
            if (member.mep() && noMep.asBoolean()) {
                refuse("MEMBER_MEP_EXCLUDED", member.rpps() + ": a doctor with a mode d'exercice particulier",
                       noMep);
            }
            if (!sectors.includes(member.sector())) {
                refuse("MEMBER_SECTOR_NOT_ELIGIBLE", member.rpps() + ": sector " + member.sector(), sectors);
            }
        }
        if (!refused) {
            reasons.add(Reason.of("MEMBERS_ELIGIBLE", members.size() + " GPs of eligible sectors", specialties));
        }
    }

    /** The average is compared exactly: the sum against the threshold times the number of members. */
    void averagePatientele(List<GroupMember> members) {
        if (members.isEmpty()) {
            return;
        }
        Resolved threshold = get("collective.eligibility.averageMtPatients");
        long sum = members.stream().mapToLong(GroupMember::mtPatients).sum();
        String average = String.format(java.util.Locale.ROOT, "%.2f", (double) sum / members.size());
        if (sum >= threshold.asLong() * members.size()) {
            reasons.add(Reason.of("AVERAGE_PATIENTELE_REACHED", "average patientèle médecin traitant " + average
                                  + " ≥ " + threshold.asLong(), threshold));
        } else {
            refuse("AVERAGE_PATIENTELE_TOO_LOW", "average patientèle médecin traitant " + average + " < "
                   + threshold.asLong(), threshold);
        }
    }

    /** The cap in per mille: a member each, plus the teaching bonus where it applies on the date. */
    int etpCap(GroupRequest request) {
        Resolved perMember = get("collective.etp.maxPerMemberPermille");
        long cap = perMember.asLong() * request.members().size();
        Resolved bonus = rulebook.find("collective.etp.teachingBonusPerMemberPermille", version, date);
        if (bonus != null && bonus.known()) {
            long teaching = request.approvedTrainingSite() ? request.members().size()
                    : request.members().stream().filter(GroupMember::hostsDocteurJunior).count();
            if (teaching > 0) {
                cap += bonus.asLong() * teaching;
                reasons.add(Reason.of("ETP_TEACHING_BONUS", "+" + bonus.asLong() + "‰ ETP for each of " + teaching
                                      + " member(s)", bonus));
            }
        }
        return (int) cap;
    }

    void etp(int chosen, int cap) {
        Resolved perMember = get("collective.etp.maxPerMemberPermille");
        if (chosen <= 0) {
            refuse("ETP_INVALID", "the group finances some ETP (per mille, e.g. 2000 for 2 ETP)", perMember);
        } else if (chosen > cap) {
            refuse("ETP_ABOVE_CAP", chosen + "‰ ETP > the cap of " + cap + "‰", perMember);
        } else {
            reasons.add(Reason.of("ETP_WITHIN_CAP", chosen + "‰ ETP ≤ the cap of " + cap + "‰", perMember));
        }
    }

    private void refuse(String code, String message, Resolved cited) {
        refused = true;
        reasons.add(Reason.of(code, message, cited));
    }
}
