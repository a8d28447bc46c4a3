package fr.cnam.aam.app.simulation;

import org.springframework.web.server.ResponseStatusException;
import org.springframework.http.HttpStatus;
import fr.cnam.aam.regulation.referential.Specialties;
import fr.cnam.aam.app.rulebook.RulebookRegistry;
import fr.cnam.aam.kernel.BusinessRuleViolation;
import fr.cnam.aam.regulation.Achievement;
import fr.cnam.aam.regulation.AidRequest;
import fr.cnam.aam.regulation.Confidence;
import fr.cnam.aam.regulation.MissingParameter;
import fr.cnam.aam.regulation.ObjectiveRules;
import fr.cnam.aam.regulation.ObjectiveSet;
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

    private static final String MT_PATIENTS = "MT_PATIENTS";
    private static final String FILE_ACTIVE = "FILE_ACTIVE";

    private final RulebookRegistry registry;

    SimulationController(RulebookRegistry registry) {
        this.registry = registry;
    }

    /** The revision asked for, else the current one. */
    private Rulebook rulebook(String revision) {
        return revision == null ? registry.current() : registry.revision(revision).orElseThrow(
                () -> new BusinessRuleViolation("REVISION_UNKNOWN", "no rulebook revision " + revision));
    }

    @PostMapping("/eligibility")
    Map<String, Object> eligibility(@Valid @RequestBody EligibilitySimulationRequest r) {
        DoctorProfile doctor = new DoctorProfile(specialty(r.specialty()), r.sector().name(), r.mtPatients(),
                r.fileActive(), r.shareUnder16(), r.departement(), r.priorityZone(), r.groupPractice(),
                r.coordinatedPractice(), r.newlyInstalled(), r.disabledWorker(), r.longTermIllness(),
                r.clinicalFeeShare(), r.age(), r.currentOption() == null ? null
                        : new DoctorProfile.CurrentContract(r.currentOption().name(),
                                                            r.currentContractYear() == null ? 1
                                                                                            : r.currentContractYear(),
                                                            r.objectivesReached()));
        EligibilityDecision decision = EligibilityRules.assess(doctor, r.date(), rulebook(r.rulebookRevision()));
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
        Rulebook rulebook = rulebook(r.rulebookRevision());
        Long monthlyCents = r.monthlyEmployerCost() == null ? null
                                                           : r.monthlyEmployerCost().movePointRight(2).longValueExact();
        AidSimulation s = AidRules.simulate(new AidRequest(r.date(), r.regulatoryVersion(), r.option().name(),
                                                           r.activityBand().name(), r.hiringDate(), monthlyCents),
                                            rulebook);
        ObjectiveSet objectives = objectives(r, s, rulebook);
        Map<String, Integer> achieved = counts(r.achievedMtPatients(), r.achievedFileActive());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("regulatoryVersion", s.regulatoryVersion());
        body.put("rulebookRevision", s.rulebookRevision());
        body.put("usesUnverifiedValues", s.usesUnverifiedValues()
                                         || (objectives != null && objectives.objectives().stream().anyMatch(
                                                 o -> o.rule().confidence() == Confidence.UNVERIFIED)));
        body.put("years", s.years().stream().map(y -> {
            Map<String, Object> year = new LinkedHashMap<>();
            year.put("year", y.year());
            year.put("startsOn", y.startsOn());
            year.put("amountsOf", y.amountsOf());
            year.put("aid", euros(y.aidCents()));
            year.put("employerCost", euros(y.employerCostCents()));
            year.put("netCost", euros(y.netCostCents()));
            year.put("rule", y.rule());
            if (objectives != null && !achieved.isEmpty()) {
                Achievement a = ObjectiveRules.evaluate(objectives, y.year(), achieved, y.aidCents(), y.startsOn(),
                                                        rulebook);
                year.put("achievementRate", a.ratePercent());
                year.put("modulatedAid", euros(a.modulatedAidCents()));
                year.put("modulation", a.reasons());
            }
            return year;
        }).toList());
        body.put("objectives", objectivesJson(objectives, r));
        body.put("payments", s.payments().stream().map(p -> Map.<String, Object>of(
                "dueDate", p.dueDate(), "amount", euros(p.amountCents()), "year", p.year(), "rule", p.rule()))
                                 .toList());
        body.put("reasons", s.reasons());
        return body;
    }

    /** A specialty of the referential (referential/specialties.json), else a 400 naming the field. */
    private static String specialty(String code) {
        if (!Specialties.isCode(code)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "specialty: unknown '"
                    + (code.length() <= 40 ? code : code.substring(0, 40) + "…") + "', one of "
                    + new java.util.TreeSet<>(Specialties.codes()));
        }
        return code;
    }

    /** Null when the initial counts the specialty needs were not given: the answer says which one is missing. */
    private static ObjectiveSet objectives(AidSimulationRequest r, AidSimulation s, Rulebook rulebook) {
        String specialty = r.specialty() == null ? "MEDECINE_GENERALE" : specialty(r.specialty());
        try {
            return ObjectiveRules.objectives(s.regulatoryVersion(), r.date(), specialty, r.option().name(),
                                             r.activityBand().name(),
                                             counts(r.initialMtPatients(), r.initialFileActive()), r.age(), rulebook);
        } catch (MissingParameter e) {
            return null;
        }
    }

    private static Map<String, Integer> counts(Integer mtPatients, Integer fileActive) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (mtPatients != null) {
            counts.put(MT_PATIENTS, mtPatients);
        }
        if (fileActive != null) {
            counts.put(FILE_ACTIVE, fileActive);
        }
        return counts;
    }

    private static Map<String, Object> objectivesJson(ObjectiveSet set, AidSimulationRequest r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("computed", set != null);
        if (set == null) {
            json.put("reason", "give initialMtPatients (general practice) and initialFileActive");
            json.put("initialMtPatients", r.initialMtPatients());
            json.put("initialFileActive", r.initialFileActive());
            return json;
        }
        json.put("evaluatedFromYear", set.evaluatedFromYear());
        json.put("maintainOnly", set.maintainOnly());
        json.put("criteria", set.objectives().stream().map(o -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("criterion", o.criterion());
            c.put("initial", o.initial());
            c.put("increasePercent", BigDecimal.valueOf(o.increasePermille(), 1));
            c.put("target", o.target());
            c.put("floor", o.floor());
            c.put("rule", o.rule());
            return c;
        }).toList());
        json.put("reasons", set.reasons());
        return json;
    }

    private static BigDecimal euros(Long cents) {
        return cents == null ? null : BigDecimal.valueOf(cents, 2);
    }
}
