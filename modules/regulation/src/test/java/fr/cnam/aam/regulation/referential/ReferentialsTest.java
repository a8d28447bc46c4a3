package fr.cnam.aam.regulation.referential;

import fr.cnam.aam.kernel.BusinessRuleViolation;
import fr.cnam.aam.regulation.RegulatoryVersion;
import fr.cnam.aam.regulation.Resolved;
import fr.cnam.aam.regulation.Rulebook;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The referentials the API checks codes against: caisses, départements, specialties. */
class ReferentialsTest {

    @Test
    void theDepartementsAreTheHundredAndOneOfTheCogWithCorsicaAsTwoAAndTwoB() {
        // INSEE COG: 96 metropolitan départements (2A and 2B since 1976, no 20) and 5 overseas (971–974, 976)
        for (String code : List.of("01", "2A", "2B", "19", "21", "75", "95", "971", "972", "973", "974", "976")) {
            assertThat(Departements.isCode(code)).as(code).isTrue();
        }
        for (String code : List.of("20", "00", "96", "975", "977", "1", "075", "2a", "", " 75")) {
            assertThat(Departements.isCode(code)).as(code).isFalse();
        }
        assertThat(Departements.nameOf("976")).isEqualTo("Mayotte");
        assertThatThrownBy(() -> Departements.requireKnown("20"))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                                        v -> assertThat(v.rule()).isEqualTo("DEPARTEMENT_INVALID"));
    }

    @Test
    void theCaissesAreTheCpamsTheCgssOverseasMayottesCssAndLozeresCcss() {
        // glossary.md: CPAM, CGSS overseas; code organisme = département + caisse number (751 Paris)
        assertThat(Caisses.nameOf("751")).contains("Paris");
        assertThat(Caisses.nameOf("971")).startsWith("Caisse générale de sécurité sociale");
        assertThat(Caisses.nameOf("976")).isEqualTo("Caisse de sécurité sociale de Mayotte");
        assertThat(Caisses.nameOf("481")).contains("Lozère");
        for (String code : List.of("$where", "{\"$gt\":\"\"}", "../../../etc/passwd", "<script>", "999", "7510",
                                   "x".repeat(1_000_000), "T123456")) {
            assertThat(Caisses.isCode(code)).as(code.length() > 20 ? "1 MB" : code).isFalse();
        }
        assertThatThrownBy(() -> Caisses.requireKnown("$where"))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                                        v -> assertThat(v.rule()).isEqualTo("CAISSE_UNKNOWN"));
        assertThatThrownBy(() -> Caisses.requireKnown(" "))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                                        v -> assertThat(v.rule()).isEqualTo("CAISSE_REQUIRED"));
    }

    @Test
    void everySpecialtyTheRulebookNamesIsInTheReferentialAndAnUnknownOneIsRefused() {
        Rulebook rulebook = Rulebook.shipped();
        List<String> named = new ArrayList<>();
        for (String parameter : List.of("eligibility.specialties.everywhere", "eligibility.specialties.excluded",
                                        "eligibility.clinicalFees.specialties")) {
            for (RegulatoryVersion version : RegulatoryVersion.values()) {
                Resolved resolved = rulebook.find(parameter, version, LocalDate.of(2026, 3, 1));
                if (resolved != null && resolved.known()) {
                    resolved.value().forEach(n -> named.add(n.asText()));
                }
            }
        }
        rulebook.find("eligibility.specialties.departements", RegulatoryVersion.AV7_2019, LocalDate.of(2020, 1, 1))
                .value().fieldNames().forEachRemaining(named::add);
        assertThat(named).isNotEmpty().allMatch(Specialties::isCode);
        assertThatThrownBy(() -> Specialties.requireKnown("ASTROLOGIE"))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                                        v -> assertThat(v.rule()).isEqualTo("SPECIALTY_UNKNOWN"));
    }
}
