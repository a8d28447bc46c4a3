package fr.cnam.aam.regulation;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RulebookTest {

    private final Rulebook rulebook = Rulebook.shipped();

    @Test
    void everyValueOfEveryParameterHasASourceAndAConfidenceFlag() {
        assertThat(rulebook.parameters()).isNotEmpty();
        rulebook.parameters().values().forEach(parameter -> {
            assertThat(parameter.values()).as(parameter.name()).isNotEmpty();
            assertThat(parameter.description()).as(parameter.name()).isNotBlank();
            parameter.values().forEach(value -> {
                assertThat(value.source()).as(parameter.name() + " " + value.version()).isNotBlank();
                assertThat(value.confidence()).as(parameter.name() + " " + value.version()).isNotNull();
                assertThat(value.from()).as(parameter.name()).isNotNull();
            });
        });
    }

    @Test
    void theVersionComesFromTheSignatureDate() {
        // regulation.md §0: AV7 from the arrêté of 14 Aug 2019 (JO 20 Aug), RA from 1 May 2023, CONV from 22 June 2024
        assertThat(rulebook.versionOn(LocalDate.of(2020, 3, 1))).isEqualTo(RegulatoryVersion.AV7_2019);
        assertThat(rulebook.versionOn(LocalDate.of(2023, 4, 30))).isEqualTo(RegulatoryVersion.AV7_2019);
        assertThat(rulebook.versionOn(LocalDate.of(2023, 5, 1))).isEqualTo(RegulatoryVersion.RA_2023);
        assertThat(rulebook.versionOn(LocalDate.of(2024, 6, 21))).isEqualTo(RegulatoryVersion.RA_2023);
        assertThat(rulebook.versionOn(LocalDate.of(2024, 6, 22))).isEqualTo(RegulatoryVersion.CONV_2024);
        assertThatThrownBy(() -> rulebook.versionOn(LocalDate.of(2018, 1, 1))).isInstanceOf(MissingParameter.class);
    }

    @Test
    void aVersionKeepsWhatItDoesNotRestateAndAnUnpublishedChangeIsMissing() {
        // the RA 2023 did not restate the assistant's 3 years to qualify (§1.7); the 2024 convention made it 2 (§3.5)
        assertThat(rulebook.resolve("assistant.qualificationYears", RegulatoryVersion.RA_2023,
                                    LocalDate.of(2023, 6, 1)).asInt()).isEqualTo(3);
        assertThat(rulebook.resolve("assistant.qualificationYears", RegulatoryVersion.CONV_2024,
                                    LocalDate.of(2024, 7, 1)).asInt()).isEqualTo(2);
        Resolved cardiology2023 = rulebook.resolve("threshold.fileActive.CARDIOLOGIE", RegulatoryVersion.RA_2023,
                                                   LocalDate.of(2023, 6, 1));
        assertThat(cardiology2023.known()).isFalse();
        assertThatThrownBy(cardiology2023::asInt).isInstanceOf(MissingParameter.class);
    }

    @Test
    void aRevisionChangesWhatItCorrectsAndLeavesThePreviousRevisionAsItWas() {
        Resolved before = rulebook.resolve("threshold.mtPatients.MEDECINE_GENERALE", RegulatoryVersion.CONV_2024,
                                           LocalDate.of(2024, 7, 1));
        Rulebook corrected = rulebook.revise("caisse-2025-01", Map.of("threshold.mtPatients.MEDECINE_GENERALE",
                List.of(new ParameterValue(RegulatoryVersion.CONV_2024, LocalDate.of(2024, 6, 22),
                        com.fasterxml.jackson.databind.node.IntNode.valueOf(800), "a caisse's correction",
                        Confidence.CONFIRMED))));
        assertThat(corrected.revision()).isEqualTo("caisse-2025-01");
        assertThat(corrected.resolve("threshold.mtPatients.MEDECINE_GENERALE", RegulatoryVersion.CONV_2024,
                                     LocalDate.of(2024, 7, 1)).asInt()).isEqualTo(800);
        assertThat(rulebook.resolve("threshold.mtPatients.MEDECINE_GENERALE", RegulatoryVersion.CONV_2024,
                                    LocalDate.of(2024, 7, 1))).isEqualTo(before);
    }
}
