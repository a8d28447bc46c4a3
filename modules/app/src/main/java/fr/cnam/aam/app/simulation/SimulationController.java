package fr.cnam.aam.app.simulation;

import fr.cnam.aam.regulation.AidRequest;
import fr.cnam.aam.regulation.AidRules;
import fr.cnam.aam.regulation.AidSimulation;
import fr.cnam.aam.regulation.DoctorProfile;
import fr.cnam.aam.regulation.EligibilityDecision;
import fr.cnam.aam.regulation.EligibilityRules;
import fr.cnam.aam.regulation.Rulebook;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stateless simulations over the rulebook: no event, nothing stored. Money in JSON is euros with two decimals;
 * every answer says which version and rulebook revision decided it, and whether an unverified value was used.
 */
@RestController
@RequestMapping("/api/v1/simulations")
class SimulationController {

    private final Rulebook rulebook;

    SimulationController(Rulebook rulebook) {
        this.rulebook = rulebook;
    }

    @PostMapping("/eligibility")
    Map<String, Object> eligibility(@Valid @RequestBody EligibilitySimulationRequest r) {
        DoctorProfile doctor = new DoctorProfile(r.specialty().name(), r.sector().name(), r.mtPatients(),
                r.fileActive(), r.shareUnder16(), r.departement(), r.priorityZone(), r.groupPractice(),
                r.coordinatedPractice(), r.newlyInstalled(), r.disabledWorker(), r.longTermIllness(),
                r.clinicalFeeShare(), r.age());
        EligibilityDecision decision = EligibilityRules.assess(doctor, r.date(), rulebook);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", decision.status());
        body.put("regulatoryVersion", decision.regulatoryVersion());
        body.put("rulebookRevision", decision.rulebookRevision());
        body.put("options", decision.options());
        body.put("usesUnverifiedValues", decision.usesUnverifiedValues());
        body.put("reasons", decision.reasons());
        return body;
    }

    @PostMapping("/aid")
    Map<String, Object> aid(@Valid @RequestBody AidSimulationRequest r) {
        Long monthlyCents = r.monthlyEmployerCost() == null ? null
                                                           : r.monthlyEmployerCost().movePointRight(2).longValueExact();
        AidSimulation s = AidRules.simulate(new AidRequest(r.date(), r.regulatoryVersion(), r.option().name(),
                                                           r.activityBand().name(), r.hiringDate(), monthlyCents),
                                            rulebook);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("regulatoryVersion", s.regulatoryVersion());
        body.put("rulebookRevision", s.rulebookRevision());
        body.put("usesUnverifiedValues", s.usesUnverifiedValues());
        body.put("years", s.years().stream().map(y -> {
            Map<String, Object> year = new LinkedHashMap<>();
            year.put("year", y.year());
            year.put("startsOn", y.startsOn());
            year.put("amountsOf", y.amountsOf());
            year.put("aid", euros(y.aidCents()));
            year.put("employerCost", euros(y.employerCostCents()));
            year.put("netCost", euros(y.netCostCents()));
            year.put("rule", y.rule());
            return year;
        }).toList());
        body.put("objectives", objectivesNotYetModelled(r));
        body.put("payments", s.payments().stream().map(p -> Map.<String, Object>of(
                "dueDate", p.dueDate(), "amount", euros(p.amountCents()), "year", p.year(), "rule", p.rule()))
                                 .toList());
        body.put("reasons", s.reasons());
        return body;
    }

    /** The objective grids are not in this rulebook revision yet: say so rather than compute a guess. */
    private static Map<String, Object> objectivesNotYetModelled(AidSimulationRequest r) {
        Map<String, Object> objectives = new LinkedHashMap<>();
        objectives.put("computed", false);
        objectives.put("initialMtPatients", r.initialMtPatients());
        objectives.put("initialFileActive", r.initialFileActive());
        objectives.put("reason", "objective grids and modulation are not modelled in this rulebook revision");
        return objectives;
    }

    private static BigDecimal euros(Long cents) {
        return cents == null ? null : BigDecimal.valueOf(cents, 2);
    }
}
