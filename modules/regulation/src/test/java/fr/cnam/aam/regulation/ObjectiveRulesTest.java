package fr.cnam.aam.regulation;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ObjectiveRulesTest {

    private final Rulebook rulebook = Rulebook.shipped();

    @Test
    void seed000FullTimeWith1300MtPatientsMustGain260() {
        // worked example 2 (SEED-000, S33): 1 300 MT patients, full time, 2023 → +260 patients (+20 %)
        ObjectiveSet set = ObjectiveRules.objectives(RegulatoryVersion.RA_2023, LocalDate.of(2023, 6, 1),
                "MEDECINE_GENERALE", "FULL_TIME", "P70_P90", Map.of("MT_PATIENTS", 1300, "FILE_ACTIVE", 2000), 50,
                rulebook);
        Objective mt = set.objectives().stream().filter(o -> o.criterion().equals("MT_PATIENTS")).findFirst()
                          .orElseThrow();
        assertThat(mt.target() - mt.initial()).isEqualTo(260);
        assertThat(set.evaluatedFromYear()).isEqualTo(3);
        // a GP is held to both criteria (S9, S35)
        assertThat(set.objectives()).extracting(Objective::criterion).containsExactly("MT_PATIENTS", "FILE_ACTIVE");
        assertThat(mt.rule().confidence()).isEqualTo(Confidence.UNVERIFIED);
    }

    @Test
    void anInitialCountSoLargeItsTargetOverflowsIsRefusedNotWrappedAround() {
        // issue 11: initialMtPatients 2147483647 was stored with a target of -1,717,986,919
        assertThatThrownBy(() -> ObjectiveRules.objectives(RegulatoryVersion.RA_2023, LocalDate.of(2023, 6, 1),
                "MEDECINE_GENERALE", "FULL_TIME", "P70_P90",
                Map.of("MT_PATIENTS", Integer.MAX_VALUE, "FILE_ACTIVE", 2000), 50, rulebook))
                .isInstanceOfSatisfying(fr.cnam.aam.kernel.BusinessRuleViolation.class,
                                        e -> assertThat(e.rule()).isEqualTo("FIGURE_OUT_OF_RANGE"));
    }

    @Test
    void theConfirmedOneThirdGridOf2019() {
        // §1.4, S7: option 1 needs +20 % from P30–P50, +15 % from P50–P70, +7.5 % from P70–P90
        assertThat(target("P30_P50", 1000)).isEqualTo(1200);
        assertThat(target("P50_P70", 1000)).isEqualTo(1150);
        assertThat(target("P70_P90", 1000)).isEqualTo(1075);
    }

    private int target(String band, int initial) {
        return ObjectiveRules.objectives(RegulatoryVersion.AV7_2019, LocalDate.of(2020, 1, 15), "CARDIOLOGIE",
                "ONE_THIRD_TIME", band, Map.of("FILE_ACTIVE", initial), 50, rulebook).objectives().get(0).target();
    }

    @Test
    void from2024ADoctorAged65MaintainsWithATenPercentTolerance() {
        // §3.4, S26: 65+ only maintain the patientèle, tolerance −10 %
        ObjectiveSet set = ObjectiveRules.objectives(RegulatoryVersion.CONV_2024, LocalDate.of(2024, 9, 1),
                "CARDIOLOGIE", "HALF_TIME", "P50_P70", Map.of("FILE_ACTIVE", 2000), 66, rulebook);
        assertThat(set.maintainOnly()).isTrue();
        assertThat(set.objectives().get(0).target()).isEqualTo(2000);
        assertThat(set.objectives().get(0).floor()).isEqualTo(1800);
        assertThat(ObjectiveRules.evaluate(set, 3, Map.of("FILE_ACTIVE", 1800), 1_100_000L,
                                           LocalDate.of(2026, 9, 1), rulebook).modulatedAidCents())
                .isEqualTo(1_100_000L);
    }

    @Test
    void belowSeventyFivePercentTheYearThreeAidIsLowered() {
        // worked example 6 (SEED-004): ≥ 75 % achieved → aid kept; below → degressive by the achievement rate
        ObjectiveSet set = ObjectiveRules.objectives(RegulatoryVersion.AV7_2019, LocalDate.of(2020, 1, 15),
                "CARDIOLOGIE", "ONE_THIRD_TIME", "P30_P50", Map.of("FILE_ACTIVE", 1000), 50, rulebook);
        // target 1 200: 1 150 is 75 % of the way, 1 100 is 50 %
        Achievement kept = ObjectiveRules.evaluate(set, 3, Map.of("FILE_ACTIVE", 1150), 700_000L,
                                                   LocalDate.of(2022, 1, 15), rulebook);
        assertThat(kept.ratePercent()).isEqualTo(75);
        assertThat(kept.modulatedAidCents()).isEqualTo(700_000L);
        Achievement half = ObjectiveRules.evaluate(set, 3, Map.of("FILE_ACTIVE", 1100), 700_000L,
                                                   LocalDate.of(2022, 1, 15), rulebook);
        assertThat(half.ratePercent()).isEqualTo(50);
        assertThat(half.modulatedAidCents()).isLessThan(700_000L).isEqualTo(350_000L);
        // years 1 and 2 are not modulated
        assertThat(ObjectiveRules.evaluate(set, 2, Map.of(), 900_000L, LocalDate.of(2021, 1, 15), rulebook)
                                 .modulatedAidCents()).isEqualTo(900_000L);
    }

    @Test
    void aMissingInitialCountIsNamed() {
        assertThatThrownBy(() -> ObjectiveRules.objectives(RegulatoryVersion.RA_2023, LocalDate.of(2023, 6, 1),
                "MEDECINE_GENERALE", "FULL_TIME", "P70_P90", Map.of("MT_PATIENTS", 1300), 50, rulebook))
                .isInstanceOf(MissingParameter.class).hasMessageContaining("FILE_ACTIVE");
    }
}
