package fr.cnam.aam.app.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The requests of a demo doctor's life that fall in a period: the generator asks month by month. Everything a
 * step needs is in the doctor's plan; the rules decide (a step they refuse is counted, not retried).
 */
final class DemoLife {

    private static final String[] SUSPENSION_REASONS = {"congé maternité de l'assistante",
            "arrêt maladie de l'assistante", "départ de l'assistante, recrutement en cours"};
    private static final String[] TERMINATION_REASONS = {"départ en retraite", "cessation d'activité",
            "déménagement du cabinet"};

    private DemoLife() {
    }

    static List<DemoStep> stepsIn(DemoDoctor d, LocalDate from, LocalDate to) {
        List<DemoStep> all = new ArrayList<>();
        String contract = "/api/v1/contracts/" + d.contractId();
        String assistant = "/api/v1/assistants/" + d.assistantId();
        LocalDate signed = d.signedOn();
        all.add(step(d, signed, "/api/v1/eligibility/assessments", "assess", """
                {"assessmentId":"%s","rpps":"%s","caisseCode":"%s","date":"%s","specialty":"%s","sector":"SECTOR_1",
                 "mtPatients":%d,"fileActive":%d,"departement":"%s","priorityZone":%s,"groupPractice":true,
                 "coordinatedPractice":true,"age":%d}""".formatted(d.id(), d.rpps(), d.caisse(), signed,
                d.specialty(), d.mtPatients(), d.fileActive(), d.departement(), d.priorityZone(),
                40 + d.number() % 25)));
        all.add(step(d, signed, "/api/v1/contracts", "sign", """
                {"contractId":"%s","assessmentId":"%s","rpps":"%s","caisseCode":"%s","departement":"%s",
                 "option":"%s","activityBand":"%s","initialMtPatients":%d,"initialFileActive":%d,"signedOn":"%s"}"""
                .formatted(d.id(), d.id(), d.rpps(), d.caisse(), d.departement(), d.option(), band(d),
                           d.mtPatients(), d.fileActive(), signed)));
        LocalDate hired = signed.plusDays(14);
        all.add(step(d, hired, "/api/v1/assistants", "hire", """
                {"assistantId":"%s","contractIds":["%s"],"employerType":"DOCTOR","permanentContract":true,
                 "weeklyHours":35,"hiredOn":"%s","qualifications":[%s]}""".formatted(d.id(), d.contractId(), hired,
                d.qualifiedAtHiring() ? "\"CQP\"" : "")));
        all.add(step(d, hired.plusDays(6), assistant + "/hiring-proof", "proof", "{\"on\":\"%s\"}"
                .formatted(hired.plusDays(6))));
        if (!d.qualifiedAtHiring() && d.trainsInTime()) {
            all.add(step(d, hired.plusMonths(2), assistant + "/training", "training",
                         "{\"on\":\"%s\",\"code\":\"CQP\"}".formatted(hired.plusMonths(2))));
            all.add(step(d, hired.plusMonths(14), assistant + "/qualifications", "qualified",
                         "{\"on\":\"%s\",\"code\":\"CQP\"}".formatted(hired.plusMonths(14))));
        }
        LocalDate ended = d.terminateOn();
        for (int year = 1; year <= 5; year++) {
            LocalDate yearEnd = signed.plusYears(year);
            if (ended != null && !yearEnd.isBefore(ended)) {
                break;
            }
            all.add(step(d, yearEnd.minusDays(20), contract + "/activity", "activity-" + year, """
                    {"contractYear":%d,"mtPatients":%d,"fileActive":%d,"recordedOn":"%s"}""".formatted(year,
                    d.mtPatientsIn(year), d.fileActiveIn(year), yearEnd.minusDays(20))));
            if (year >= 3) {
                all.add(step(d, yearEnd.plusDays(10), contract + "/evaluations", "evaluation-" + year,
                             "{\"contractYear\":%d,\"evaluatedOn\":\"%s\"}".formatted(year, yearEnd.plusDays(10))));
            }
        }
        if (d.switchOn() != null) {
            all.add(step(d, d.switchOn(), contract + "/version-switch", "switch", """
                    {"toVersion":"RA_2023","requestedOn":"%s","reason":"demande du médecin"}"""
                    .formatted(d.switchOn())));
        }
        if (d.amendOn() != null) {
            all.add(step(d, d.amendOn(), contract + "/avenants", "amend", """
                    {"avenantReference":"AV-%s","option":"FULL_TIME","effectiveOn":"%s","reason":"passage à temps plein"}"""
                    .formatted(d.number(), d.amendOn())));
        }
        if (d.suspendOn() != null) {
            all.add(step(d, d.suspendOn(), contract + "/suspensions", "suspend", """
                    {"avenantReference":"AV-S-%s","reason":"%s","effectiveOn":"%s"}""".formatted(d.number(),
                    SUSPENSION_REASONS[d.number() % SUSPENSION_REASONS.length], d.suspendOn())));
            if (d.resumeOn() != null) {
                all.add(step(d, d.resumeOn(), contract + "/resumptions", "resume", """
                        {"avenantReference":"AV-R-%s","reason":"retour de l'assistante","effectiveOn":"%s"}"""
                        .formatted(d.number(), d.resumeOn())));
            }
        }
        if (ended != null) {
            all.add(step(d, ended, contract + "/termination", "terminate", """
                    {"by":"DOCTOR","reason":"%s","notifiedOn":"%s"}""".formatted(
                    TERMINATION_REASONS[d.number() % TERMINATION_REASONS.length], ended)));
        }
        return all.stream().filter(s -> !s.on().isBefore(from) && !s.on().isAfter(to)).toList();
    }

    /** A group's requests in the period: its signature, its assistant and the proof, an ETP avenant for some. */
    static List<DemoStep> stepsIn(DemoGroup g, LocalDate from, LocalDate to) {
        List<DemoStep> all = new ArrayList<>();
        StringBuilder members = new StringBuilder();
        for (int m = 0; m < g.members().size(); m++) {
            members.append(m == 0 ? "" : ",").append("""
                    {"rpps":"%s","specialty":"MEDECINE_GENERALE","sector":"SECTOR_1","mtPatients":%d,
                     "fileActive":%d,"installedOn":"2012-09-01"}""".formatted(g.members().get(m),
                    g.mtPatients().get(m), g.mtPatients().get(m) + 600));
        }
        all.add(step(g, g.signedOn(), "/api/v1/collective-contracts", "sign", """
                {"collectiveContractId":"%s","caisseCode":"%s","departement":"%s","structure":"%s",
                 "companyIdentifier":"%s","signedOn":"%s","etp":%s,"members":[%s]}""".formatted(g.id(), g.caisse(),
                g.departement(), g.structure(), g.company(), g.signedOn(), g.etpPermille() / 1000, members)));
        LocalDate hired = g.signedOn().plusDays(10);
        all.add(step(g, hired, "/api/v1/assistants", "hire", """
                {"assistantId":"%s","contractIds":["%s"],"employerType":"EMPLOYERS_GROUP","permanentContract":true,
                 "weeklyHours":35,"hiredOn":"%s","qualifications":[]}""".formatted(g.id(), g.contractId(), hired)));
        String assistant = "/api/v1/assistants/" + g.assistantId();
        all.add(step(g, hired.plusDays(5), assistant + "/hiring-proof", "proof",
                     "{\"on\":\"%s\"}".formatted(hired.plusDays(5))));
        // the CQP within 2 years (S38): trained, then qualified, as most doctors' assistants are
        all.add(step(g, hired.plusMonths(2), assistant + "/training", "training",
                     "{\"on\":\"%s\",\"code\":\"CQP\"}".formatted(hired.plusMonths(2))));
        all.add(step(g, hired.plusMonths(14), assistant + "/qualifications", "qualified",
                     "{\"on\":\"%s\",\"code\":\"CQP\"}".formatted(hired.plusMonths(14))));
        if (g.avenantOn() != null) {
            all.add(step(g, g.avenantOn(), "/api/v1/collective-contracts/" + g.contractId() + "/etp", "etp", """
                    {"avenantReference":"AV-G-%s","etp":%s.5,"effectiveOn":"%s"}""".formatted(g.number(),
                    g.etpPermille() / 1000, g.avenantOn())));
        }
        return all.stream().filter(s -> !s.on().isBefore(from) && !s.on().isAfter(to)).toList();
    }

    /** The band of the initial patientèle the signature records (regulation.md §2: bands of the P-percentiles). */
    private static String band(DemoDoctor d) {
        return d.mtPatients() < 1000 ? "P30_P50" : d.mtPatients() < 1300 ? "P50_P70" : "P70_P90";
    }

    private static DemoStep step(DemoDoctor d, LocalDate on, String path, String what, String json) {
        return new DemoStep(on, d.caisse(), path, "demo-" + d.id() + "-" + what, json);
    }

    private static DemoStep step(DemoGroup g, LocalDate on, String path, String what, String json) {
        return new DemoStep(on, g.caisse(), path, "demo-" + g.id() + "-" + what, json);
    }
}
