package fr.cnam.aam.app.simulation;

import fr.cnam.aam.app.rulebook.RulebookRegistry;
import fr.cnam.aam.kernel.BusinessRuleViolation;
import fr.cnam.aam.regulation.CollectiveDecision;
import fr.cnam.aam.regulation.CollectiveModulation;
import fr.cnam.aam.regulation.CollectiveRules;
import fr.cnam.aam.regulation.Confidence;
import fr.cnam.aam.regulation.GroupMember;
import fr.cnam.aam.regulation.GroupRequest;
import fr.cnam.aam.regulation.RegulatoryVersion;
import fr.cnam.aam.regulation.Rulebook;
import fr.cnam.aam.regulation.referential.Specialties;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The collective aid of 2026 simulated for a group (stateless, nothing stored): eligibility with reasons, the ETP
 * cap, the aid of each year for the ETP chosen, the collective objectives, and — given what the group reached — a
 * year's pro rata. Money in euros with two decimals, ETP as decimals.
 */
@RestController
@RequestMapping("/api/v1/simulations")
class CollectiveSimulationController {

    private static final BigDecimal PER_MILLE = BigDecimal.valueOf(1000);
    private final RulebookRegistry registry;

    CollectiveSimulationController(RulebookRegistry registry) {
        this.registry = registry;
    }

    @PostMapping("/collective")
    Map<String, Object> collective(@Valid @RequestBody CollectiveSimulationRequest r) {
        Rulebook rulebook = r.rulebookRevision() == null ? registry.currentFor(RegulatoryVersion.Kind.COLLECTIVE)
                : registry.revision(r.rulebookRevision()).orElseThrow(() -> new BusinessRuleViolation(
                        "REVISION_UNKNOWN", "no rulebook revision " + r.rulebookRevision()));
        List<GroupMember> members = r.members().stream().map(m -> {
            Specialties.requireKnown(m.specialty());
            return new GroupMember(m.rpps(), m.specialty(), m.sector().name(), m.mep(), m.mtPatients(),
                                   m.fileActive(), installedOn(m, r.date()), m.hostsDocteurJunior());
        }).toList();
        int etpPermille = r.etp().multiply(PER_MILLE).intValueExact(); // three decimals at most: validated
        CollectiveDecision d = CollectiveRules.decide(new GroupRequest(r.date(), r.structure(), members,
                                                                       etpPermille, r.approvedTrainingSite()),
                                                      rulebook);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", d.status());
        body.put("regulatoryVersion", d.regulatoryVersion());
        body.put("rulebookRevision", d.rulebookRevision());
        boolean[] unverified = {d.reasons().stream().anyMatch(x -> x.confidence() == Confidence.UNVERIFIED)};
        body.put("usesUnverifiedValues", false); // set below, once the modulation (if asked) is known
        body.put("members", d.members());
        body.put("averageMtPatients", d.averageMtPatients());
        body.put("etpCap", etp(d.etpCapPermille()));
        body.put("etp", etp(d.etpPermille()));
        body.put("years", d.aid().stream().map(y -> {
            Map<String, Object> year = new LinkedHashMap<>();
            year.put("year", y.contractYear());
            year.put("perEtp", euros(y.perEtpCents()));
            year.put("aid", euros(y.aidCents()));
            year.put("rule", y.reason());
            if (r.achieved() != null && r.achieved().contractYear() == y.contractYear() && d.objectives() != null) {
                CollectiveModulation m = CollectiveRules.modulate(y.contractYear(), y.aidCents(),
                        d.objectives().mtPatientsIncrease(), r.achieved().mtPatients(),
                        d.objectives().fileActiveIncrease(), r.achieved().fileActive(), r.date(), rulebook);
                year.put("mtPatientsRate", m.mtPatientsRatePermille() / 10.0);
                year.put("fileActiveRate", m.fileActiveRatePermille() / 10.0);
                year.put("appliedRate", m.appliedRatePermille() / 10.0);
                year.put("modulatedAid", euros(m.modulatedAidCents()));
                year.put("modulation", m.reason());
                unverified[0] |= m.reason().confidence() == Confidence.UNVERIFIED;
            }
            return year;
        }).toList());
        body.put("usesUnverifiedValues", unverified[0]);
        body.put("objectives", d.objectives());
        body.put("reasons", d.reasons());
        return body;
    }

    /**
     * A member's installation date: any past date (a doctor installed in 2010 is a member like another — the
     * scheme-start bound of request dates does not apply), not after the simulation's date.
     */
    private static LocalDate installedOn(CollectiveSimulationRequest.Member m, LocalDate on) {
        if (m.installedOn() == null) {
            return null;
        }
        LocalDate installed;
        try {
            installed = LocalDate.parse(m.installedOn());
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "members[].installedOn: a date YYYY-MM-DD");
        }
        if (installed.isAfter(on) || installed.getYear() < 1900) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                                              "members[].installedOn: on or before the date, and after 1900");
        }
        return installed;
    }

    private static BigDecimal etp(int permille) {
        return BigDecimal.valueOf(permille, 3).stripTrailingZeros();
    }

    private static BigDecimal euros(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }
}
