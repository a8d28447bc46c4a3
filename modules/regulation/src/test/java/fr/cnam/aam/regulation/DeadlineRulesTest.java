package fr.cnam.aam.regulation;

import fr.cnam.aam.kernel.BusinessRuleViolation;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeadlineRulesTest {

    private final Rulebook rulebook = Rulebook.shipped();

    @Test
    void hiredIn2020WithoutQualification2YearsToStartAnd3ToQualify() {
        // §1.7, S32/S21: "formation adaptée dans les 2 ans et qualification professionnelle dans les 3 ans"
        AssistantDeadlines d = DeadlineRules.deadlines(LocalDate.of(2020, 3, 1), List.of(), false, rulebook);
        assertThat(d.trainingStartBy()).isEqualTo(LocalDate.of(2022, 3, 1));
        assertThat(d.qualifiedBy()).isEqualTo(LocalDate.of(2023, 3, 1));
        assertThat(d.secretaryReplacedBy()).isNull();
    }

    @Test
    void hiredFromJune2024TwoYearsToQualify() {
        // §3.5, S25/S31: shortened from 3 to 2 years (CQP, or the FAE for a DEI/DEAS/DEAP)
        AssistantDeadlines nurse = DeadlineRules.deadlines(LocalDate.of(2024, 9, 1), List.of("DEI"), false, rulebook);
        assertThat(nurse.qualifiedBy()).isEqualTo(LocalDate.of(2026, 9, 1));
        assertThat(nurse.trainingStartBy()).isNull();
        assertThat(DeadlineRules.deadlines(LocalDate.of(2024, 9, 1), List.of("DEAS", "FAE"), false, rulebook)
                                .qualifiedBy()).isNull();
    }

    @Test
    void aFormerSecretarysPostIsReplacedWithinSixMonths() {
        // §3.6, S26: another secretary within 6 months
        AssistantDeadlines d = DeadlineRules.deadlines(LocalDate.of(2024, 9, 1), List.of("CQP"), true, rulebook);
        assertThat(d.secretaryReplacedBy()).isEqualTo(LocalDate.of(2025, 3, 1));
    }

    @Test
    void aQualificationNotInTheListIsRejected() {
        assertThatThrownBy(() -> DeadlineRules.deadlines(LocalDate.of(2024, 9, 1), List.of("BTS"), false, rulebook))
                .isInstanceOf(BusinessRuleViolation.class);
    }
}
