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

    @Test
    void aGroupsAssistantHasTwoYearsForTheCqpUnlessANurseAideSoignantOrAuxiliaireDePuericulture() {
        // §3b (S38): CQP within 2 years of hiring unless already IDE, AS or AP — no FAE for them, unlike an
        // individual contract's nurse (§3.5, S25: the FAE within 2 years)
        AssistantDeadlines none = DeadlineRules.collectiveDeadlines(LocalDate.of(2026, 5, 4), List.of(), rulebook);
        assertThat(none.qualifiedBy()).isEqualTo(LocalDate.of(2028, 5, 4));
        assertThat(none.trainingStartBy()).as("no training-start delay is stated for the group").isNull();
        assertThat(none.reasons()).anyMatch(r -> "collective.assistant.qualificationYears".equals(r.parameter())
                                                 && r.confidence() == Confidence.SECONDARY);
        for (String diploma : List.of("DEI", "DEAS", "DEAP", "CQP")) {
            assertThat(DeadlineRules.collectiveDeadlines(LocalDate.of(2026, 5, 4), List.of(diploma), rulebook)
                                    .qualifiedBy()).as(diploma).isNull();
        }
        assertThat(DeadlineRules.deadlines(LocalDate.of(2026, 5, 4), List.of("DEI"), false, rulebook).qualifiedBy())
                .as("the individual contract's nurse still owes the FAE").isEqualTo(LocalDate.of(2028, 5, 4));
        assertThatThrownBy(() -> DeadlineRules.collectiveDeadlines(LocalDate.of(2026, 5, 4), List.of("BTS"),
                                                                    rulebook))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                                        v -> assertThat(v.rule()).isEqualTo("QUALIFICATION_UNKNOWN"));
    }
}
