package fr.cnam.aam.regulation;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Figures from regulation.md and the seeds, not from running the code. */
class EligibilityRulesTest {

    private final Rulebook rulebook = Rulebook.shipped();

    private static DoctorProfile gp(int mtPatients) {
        return new DoctorProfile("MEDECINE_GENERALE", "SECTOR_1", mtPatients, 1500, 10, "75", false, true, true,
                                 false, false, false, null, 50);
    }

    private static DoctorProfile specialist(String specialty, int fileActive, String departement) {
        return new DoctorProfile(specialty, "SECTOR_1", null, fileActive, null, departement, false, true, true,
                                 false, false, false, null, 50);
    }

    private EligibilityDecision on(String date, DoctorProfile doctor) {
        return EligibilityRules.assess(doctor, LocalDate.parse(date), rulebook);
    }

    @Test
    void aGeneralPractitionerIsEligibleFrom640MtPatientsIn2019() {
        // worked example 4, SEED-003: "au moins 640 patients en tant que médecin traitant"
        assertThat(on("2019-10-01", gp(640)).status()).isEqualTo(EligibilityStatus.ELIGIBLE);
        assertThat(on("2019-10-01", gp(639)).status()).isEqualTo(EligibilityStatus.NOT_ELIGIBLE);
        assertThat(on("2019-10-01", gp(639)).reasons()).extracting(Reason::code).contains("ACTIVITY_BELOW_THRESHOLD");
    }

    @Test
    void aGeneralPractitionerNeeds775MtPatientsFrom2023() {
        // worked example 4, SEED-000 / S21: 775 MT patients (adults and children) under the RA 2023
        EligibilityDecision ok = on("2023-06-01", gp(775));
        assertThat(ok.status()).isEqualTo(EligibilityStatus.ELIGIBLE);
        assertThat(ok.regulatoryVersion()).isEqualTo(RegulatoryVersion.RA_2023);
        assertThat(on("2023-06-01", gp(700)).status()).isEqualTo(EligibilityStatus.NOT_ELIGIBLE);
    }

    @Test
    void aCardiologistIsEligibleFrom1480FileActivePatientsIn2019() {
        // worked example 4, SEED-003: "au moins 1 480 patients différents dans l'année (file active)"
        assertThat(on("2020-01-15", specialist("CARDIOLOGIE", 1480, "75")).status())
                .isEqualTo(EligibilityStatus.ELIGIBLE);
        assertThat(on("2020-01-15", specialist("CARDIOLOGIE", 1479, "75")).status())
                .isEqualTo(EligibilityStatus.NOT_ELIGIBLE);
    }

    @Test
    void aThresholdNobodyPublishedIsIndeterminateAndNamesTheParameter() {
        // §2.1: from 2023 the threshold is the P30 per specialty; no figure for cardiology was published
        EligibilityDecision decision = on("2023-06-01", specialist("CARDIOLOGIE", 3000, "75"));
        assertThat(decision.status()).isEqualTo(EligibilityStatus.INDETERMINATE);
        assertThat(decision.reasons()).extracting(Reason::parameter).contains("threshold.fileActive.CARDIOLOGIE");
    }

    @Test
    void theSixTechnicalSpecialtiesAreExcludedFrom2023() {
        // §2.1 / §3.2: radiologues, radiothérapeutes, stomatologues, anesthésistes, ACP, médecins nucléaires
        for (String specialty : new String[] {"RADIOLOGIE", "RADIOTHERAPIE", "STOMATOLOGIE", "ANESTHESIE",
                                              "ANATOMO_CYTOPATHOLOGIE", "MEDECINE_NUCLEAIRE"}) {
            assertThat(on("2024-09-01", specialist(specialty, 5000, "75")).status()).as(specialty)
                    .isEqualTo(EligibilityStatus.NOT_ELIGIBLE);
        }
    }

    @Test
    void in2019ARadiologistIsEligibleOnlyInTheListedDepartements() {
        // §1.2, S14: Ardennes 08 … Essonne 91; Paris is not listed
        assertThat(on("2020-01-15", specialist("RADIOLOGIE", 100, "08")).reasons()).extracting(Reason::code)
                .contains("SPECIALTY_ELIGIBLE_IN_DEPARTEMENT");
        assertThat(on("2020-01-15", specialist("RADIOLOGIE", 100, "75")).status())
                .isEqualTo(EligibilityStatus.NOT_ELIGIBLE);
    }

    @Test
    void sector2WithoutOptamCannotSign() {
        DoctorProfile sector2 = new DoctorProfile("MEDECINE_GENERALE", "SECTOR_2", 900, 1500, 10, "75", false, true,
                                                  true, false, false, false, null, 50);
        assertThat(on("2024-09-01", sector2).status()).isEqualTo(EligibilityStatus.NOT_ELIGIBLE);
    }

    @Test
    void in2019GroupPracticeIsRequiredOutsidePriorityZonesAndNotFrom2023() {
        // §1.1 exercice regroupé, waived in zone sous-dense; §2.1 removed by the RA 2023
        DoctorProfile alone = new DoctorProfile("MEDECINE_GENERALE", "SECTOR_1", 900, 1500, 10, "75", false, false,
                                                true, false, false, false, null, 50);
        DoctorProfile aloneInZone = new DoctorProfile("MEDECINE_GENERALE", "SECTOR_1", 900, 1500, 10, "75", true,
                                                      false, true, false, false, false, null, 50);
        assertThat(on("2020-01-15", alone).status()).isEqualTo(EligibilityStatus.NOT_ELIGIBLE);
        assertThat(on("2020-01-15", aloneInZone).status()).isEqualTo(EligibilityStatus.ELIGIBLE);
        assertThat(on("2023-06-01", alone).status()).isEqualTo(EligibilityStatus.ELIGIBLE);
    }

    @Test
    void optionsFollowTheVersion() {
        // §1.3: 1/3, 1/2, and 1 ETP in a ZIP only (2019); §2.1: 1/2 or 1 ETP anywhere from 1 May 2023
        assertThat(on("2020-01-15", gp(900)).options()).containsExactly("ONE_THIRD_TIME", "HALF_TIME");
        DoctorProfile inZone = new DoctorProfile("MEDECINE_GENERALE", "SECTOR_1", 900, 1500, 10, "75", true, true,
                                                 true, false, false, false, null, 50);
        assertThat(on("2020-01-15", inZone).options()).containsExactly("ONE_THIRD_TIME", "HALF_TIME", "FULL_TIME");
        assertThat(on("2023-06-01", gp(900)).options()).containsExactly("HALF_TIME", "FULL_TIME");
    }

    @Test
    void anUnverifiedValueIsFlaggedInTheAnswer() {
        // §3.2: the 2024 GP threshold is "above the P30"; 775 is carried over from 2023 and flagged unverified
        EligibilityDecision decision = on("2024-09-01", gp(900));
        assertThat(decision.status()).isEqualTo(EligibilityStatus.ELIGIBLE);
        assertThat(decision.usesUnverifiedValues()).isTrue();
        assertThat(decision.reasons()).filteredOn(r -> "threshold.mtPatients.MEDECINE_GENERALE".equals(r.parameter()))
                .extracting(Reason::confidence).containsExactly(Confidence.UNVERIFIED);
    }

    @Test
    void aSecondAssistantIsOpenFrom2024ToAGpInAZipInYear3WithObjectivesMet() {
        // §3.3, S5/S26: 1.5 or 2 ETP for a GP with a 1 ETP contract, at least in year 3, objectives reached, in a ZIP
        DoctorProfile eligible = secondAssistantCandidate(true, 3, true);
        assertThat(on("2024-09-01", eligible).options())
                .containsExactly("HALF_TIME", "FULL_TIME", "ONE_AND_HALF_TIME", "TWO_FULL_TIME");
        assertThat(on("2024-09-01", secondAssistantCandidate(true, 2, true)).options())
                .doesNotContain("ONE_AND_HALF_TIME");
        assertThat(on("2024-09-01", secondAssistantCandidate(false, 3, true)).options())
                .doesNotContain("TWO_FULL_TIME");
        assertThat(on("2024-09-01", secondAssistantCandidate(true, 3, false)).options())
                .doesNotContain("TWO_FULL_TIME");
        // before the 2024 convention there was no second assistant
        assertThat(on("2023-06-01", eligible).options()).containsExactly("HALF_TIME", "FULL_TIME");
    }

    private static DoctorProfile secondAssistantCandidate(boolean priorityZone, int contractYear,
                                                          boolean objectivesReached) {
        return new DoctorProfile("MEDECINE_GENERALE", "SECTOR_1", 1200, 1500, 10, "23", priorityZone, true, true,
                                 false, false, false, null, 50,
                                 new DoctorProfile.CurrentContract("FULL_TIME", contractYear, objectivesReached));
    }

    @Test
    void clinicalFeesForSurgeonsFrom2023AndAlsoOrlAndGynecologyFrom2024() {
        // §2.1 (S20): surgeons need CCAM < 20 %; §3.2 (S3): surgeons, ORL and gynecologists ≥ 80 % clinical fees
        assertThat(on("2023-06-01", withClinicalFees("CHIRURGIE_GENERALE", 70)).reasons()).extracting(Reason::code)
                .contains("CLINICAL_FEES_TOO_LOW");
        assertThat(on("2023-06-01", withClinicalFees("ORL", 70)).reasons()).extracting(Reason::code)
                .doesNotContain("CLINICAL_FEES_TOO_LOW");
        assertThat(on("2024-09-01", withClinicalFees("ORL", 70)).status()).isEqualTo(EligibilityStatus.NOT_ELIGIBLE);
        assertThat(on("2024-09-01", withClinicalFees("ORL", 85)).reasons()).extracting(Reason::code)
                .contains("CLINICAL_FEES_MET");
        assertThat(on("2024-09-01", withClinicalFees("GYNECOLOGIE", null)).reasons()).extracting(Reason::code)
                .contains("CLINICAL_FEES_UNKNOWN");
    }

    private static DoctorProfile withClinicalFees(String specialty, Integer clinicalFees) {
        return new DoctorProfile(specialty, "SECTOR_1", null, 3000, null, "75", false, true, true, false, false,
                                 false, clinicalFees, 50);
    }
}
