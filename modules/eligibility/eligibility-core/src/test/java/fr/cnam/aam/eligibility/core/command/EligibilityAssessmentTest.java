package fr.cnam.aam.eligibility.core.command;

import fr.cnam.aam.eligibility.api.AssessEligibilityCommand;
import fr.cnam.aam.eligibility.api.DoctorDeclaration;
import fr.cnam.aam.eligibility.api.EligibilityAssessed;
import fr.cnam.aam.kernel.BusinessRuleViolation;
import fr.cnam.aam.regulation.Rulebook;
import fr.cnam.aam.regulation.Rulebooks;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class EligibilityAssessmentTest {

    private final Rulebook shipped = Rulebook.shipped();
    private AggregateTestFixture<EligibilityAssessment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(EligibilityAssessment.class);
        fixture.registerInjectableResource(Rulebooks.fixed(shipped));
    }

    private static DoctorDeclaration gp(int mtPatients) {
        return new DoctorDeclaration("MEDECINE_GENERALE", "SECTOR_1", mtPatients, 1500, null, "75", false, true, true,
                                     false, false, false, null, 50);
    }

    @Test
    void theDecisionAndWhatDecidedItAreRecorded() {
        // regulation.md worked example 4: a GP needs 775 MT patients under the RA 2023
        fixture.givenNoPriorActivity()
               .when(new AssessEligibilityCommand("Assessment:a2", "10000000009", "751", LocalDate.of(2023, 6, 1),
                                                  gp(700)))
               .expectSuccessfulHandlerExecution();
        EligibilityAssessed event = (EligibilityAssessed) fixture.getEventStore().readEvents("Assessment:a2").next()
                                                                 .getPayload();
        assertThat(event.status()).isEqualTo("NOT_ELIGIBLE");
        assertThat(event.regulatoryVersion()).isEqualTo("RA_2023");
        assertThat(event.rulebookRevision()).isEqualTo(shipped.revision());
        assertThat(event.reasons()).extracting(r -> r.code()).contains("ACTIVITY_BELOW_THRESHOLD");
    }

    @Test
    void anEligibleGeneralPractitionerIn2023() {
        fixture.givenNoPriorActivity()
               .when(new AssessEligibilityCommand("Assessment:a1", "10000000009", "751", LocalDate.of(2023, 6, 1),
                                                  gp(800)))
               .expectSuccessfulHandlerExecution();
        EligibilityAssessed event = (EligibilityAssessed) fixture.getEventStore().readEvents("Assessment:a1").next()
                                                                 .getPayload();
        assertThat(event.status()).isEqualTo("ELIGIBLE");
        assertThat(event.options()).containsExactly("HALF_TIME", "FULL_TIME");
        assertThat(event.declaration().mtPatients()).isEqualTo(800);
    }

    @Test
    void anInvalidRppsRecordsNothing() {
        fixture.givenNoPriorActivity()
               .when(new AssessEligibilityCommand("Assessment:a3", "10000000008", "751", LocalDate.of(2023, 6, 1),
                                                  gp(800)))
               .expectException(BusinessRuleViolation.class)
               .expectNoEvents();
    }
}
