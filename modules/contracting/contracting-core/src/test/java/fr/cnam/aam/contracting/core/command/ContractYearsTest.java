package fr.cnam.aam.contracting.core.command;

import fr.cnam.aam.contracting.api.AnnualActivityRecorded;
import fr.cnam.aam.contracting.api.ContractSigned;
import fr.cnam.aam.contracting.api.EvaluateObjectivesCommand;
import fr.cnam.aam.contracting.api.ObjectivesEvaluated;
import fr.cnam.aam.contracting.api.RecordAnnualActivityCommand;
import fr.cnam.aam.contracting.api.RegulatoryVersionSwitched;
import fr.cnam.aam.contracting.api.SignContractCommand;
import fr.cnam.aam.contracting.api.SwitchRegulatoryVersionCommand;
import fr.cnam.aam.eligibility.api.DoctorDeclaration;
import fr.cnam.aam.eligibility.api.EligibilityAssessed;
import fr.cnam.aam.kernel.BusinessRuleViolation;
import fr.cnam.aam.regulation.Rulebook;
import fr.cnam.aam.regulation.Rulebooks;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/** A 2019 contract through its years: activity, evaluation from year 3, and a switch to the 2023 rules. */
class ContractYearsTest {

    private static final String ID = "Contract:y-1";
    private static final String RPPS = "10000000009";
    private static final LocalDate SIGNED = LocalDate.of(2020, 1, 15);

    private final Rulebook shipped = Rulebook.shipped();
    private final InMemoryActiveContracts activeContracts = new InMemoryActiveContracts();
    private AggregateTestFixture<Contract> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Contract.class);
        DoctorDeclaration cardiologist = new DoctorDeclaration("CARDIOLOGIE", "SECTOR_1", null, 1000, null, "75",
                                                               false, true, true, false, false, false, null, 50);
        EligibilityAssessed assessed = new EligibilityAssessed("Assessment:y", RPPS, "751", LocalDate.of(2020, 1, 2),
                cardiologist, "ELIGIBLE", "AV7_2019", "test", List.of("ONE_THIRD_TIME", "HALF_TIME"), List.of(),
                "CAISSE_STATISTICS");
        fixture.registerInjectableResource((AssessmentLookup) id -> Optional.of(assessed));
        fixture.registerInjectableResource((ActiveContracts) activeContracts);
        fixture.registerInjectableResource(Rulebooks.fixed(shipped));
    }

    private ContractSigned signed(String option) {
        return signed(option, SIGNED);
    }

    private ContractSigned signed(String option, LocalDate on) {
        fixture.givenNoPriorActivity()
               .when(new SignContractCommand(ID, "Assessment:y", RPPS, "751", "75", option, "P30_P50", null, 1000,
                                             on))
               .expectSuccessfulHandlerExecution();
        return (ContractSigned) fixture.getEventStore().readEvents(ID).next().getPayload();
    }

    @Test
    void yearThreeBelowSeventyFivePercentLowersTheAid() {
        // §1.4 (S7): 1/3 ETP from P30–P50 → +20 % of 1 000 file active = 1 200; §1.3: 7 000 € from year 3;
        // worked example 6 (SEED-004): below 75 % achieved the aid falls with the rate: 1 100 is half-way → 3 500 €
        ContractSigned signed = signed("ONE_THIRD_TIME");
        assertThat(signed.objectives().get(0).target()).isEqualTo(1200);
        AnnualActivityRecorded year3 = new AnnualActivityRecorded(ID, 3, null, 1100, LocalDate.of(2023, 1, 20));
        fixture.given(signed, year3)
               .when(new EvaluateObjectivesCommand(ID, 3, LocalDate.of(2023, 2, 1)))
               .expectSuccessfulHandlerExecution();
        ObjectivesEvaluated evaluated = (ObjectivesEvaluated) fixture.getEventStore().readEvents(ID).asStream()
                .map(m -> m.getPayload()).filter(p -> p instanceof ObjectivesEvaluated).findFirst().orElseThrow();
        assertThat(evaluated.achievementRate()).isEqualTo(50);
        assertThat(evaluated.aidCents()).isEqualTo(700_000L);
        assertThat(evaluated.modulatedAidCents()).isEqualTo(350_000L);
        assertThat(evaluated.regulatoryVersion()).isEqualTo("AV7_2019");
        assertThat(evaluated.rules()).anyMatch(r -> r.startsWith("modulation.belowIsProRata"));
    }

    @Test
    void evaluationNeedsYearThreeAndTheYearsActivityOnce() {
        ContractSigned signed = signed("ONE_THIRD_TIME");
        fixture.given(signed, new AnnualActivityRecorded(ID, 2, null, 1100, LocalDate.of(2022, 1, 20)))
               .when(new EvaluateObjectivesCommand(ID, 2, LocalDate.of(2022, 2, 1)))
               .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString("year 3"));
        fixture.given(signed)
               .when(new EvaluateObjectivesCommand(ID, 3, LocalDate.of(2023, 2, 1)))
               .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString("record"));
        fixture.given(signed, new AnnualActivityRecorded(ID, 3, null, 1300, LocalDate.of(2023, 1, 20)))
               .when(new RecordAnnualActivityCommand(ID, 3, null, 1250, LocalDate.of(2023, 1, 21)))
               .expectException(BusinessRuleViolation.class);
        fixture.given(signed)
               .when(new RecordAnnualActivityCommand(ID, 6, null, 1250, LocalDate.of(2026, 1, 21)))
               .expectException(BusinessRuleViolation.class);
    }

    @Test
    void aHalfTimeContractOf2019SwitchesTo2023AndRecordsTheEffect() {
        // §0: RA 2023 applies to an existing contract only at the doctor's request; §1.3 / §2.1: 10 500 € from
        // year 3 for 1/2 ETP under both texts, so the effect on year 4 (from 15 Jan 2023) is nil
        ContractSigned signed = signed("HALF_TIME");
        fixture.given(signed)
               .when(new SwitchRegulatoryVersionCommand(ID, "RA_2023", LocalDate.of(2023, 6, 1), "doctor's request"))
               .expectEvents(new RegulatoryVersionSwitched(ID, "AV7_2019", "RA_2023", LocalDate.of(2023, 6, 1), 4,
                                                           1_050_000L, 1_050_000L, shipped.revision(),
                                                           "doctor's request", signed.objectives()));
        fixture.given(signed)
               .when(new SwitchRegulatoryVersionCommand(ID, "RA_2023", LocalDate.of(2023, 4, 1), "too early"))
               .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString("2023-05-01"));
        fixture.given(signed)
               .when(new SwitchRegulatoryVersionCommand(ID, "AV7_2019", LocalDate.of(2023, 6, 1), "backwards"))
               .expectException(BusinessRuleViolation.class);
    }

    @Test
    void aOneThirdContractCannotSwitchToTheRulesThatClosedThatOption() {
        // §2.1: the 1/3 ETP option does not exist under the RA 2023
        fixture.given(signed("ONE_THIRD_TIME"))
               .when(new SwitchRegulatoryVersionCommand(ID, "RA_2023", LocalDate.of(2023, 6, 1), "doctor's request"))
               .expectException(BusinessRuleViolation.class)
               .expectExceptionMessage(containsString("ONE_THIRD_TIME"));
    }

    @Test
    void aContractSignedOnALeapDayHasItsAnniversaryOnTheTwentyEighthAndOnTheTwentyNinthInLeapYears() {
        ContractSigned leap = signed("HALF_TIME", LocalDate.of(2020, 2, 29));
        // the calendar plans 28 February 2021: the contract takes it as its first anniversary (year 2)
        fixture.given(leap)
               .when(new fr.cnam.aam.contracting.api.RecordAnniversaryCommand(ID, LocalDate.of(2021, 2, 28)))
               .expectSuccessfulHandlerExecution()
               .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                       org.axonframework.test.matchers.Matchers.sequenceOf(
                               org.axonframework.test.matchers.Matchers.<Object>predicate(e ->
                                       e instanceof fr.cnam.aam.contracting.api.ContractAnniversaryReached reached
                                       && reached.contractYear() == 2))));
        // 1 March is not an anniversary; in 2024 (a leap year) the anniversary is the 29th, year 5
        fixture.given(leap)
               .when(new fr.cnam.aam.contracting.api.RecordAnniversaryCommand(ID, LocalDate.of(2021, 3, 1)))
               .expectException(org.axonframework.test.matchers.Matchers.predicate(
                       e -> e instanceof BusinessRuleViolation v && "NOT_AN_ANNIVERSARY".equals(v.rule())));
        fixture.given(leap)
               .when(new fr.cnam.aam.contracting.api.RecordAnniversaryCommand(ID, LocalDate.of(2024, 2, 29)))
               .expectSuccessfulHandlerExecution();
        assertThat(leap.endsOn()).isEqualTo(LocalDate.of(2025, 2, 27));
    }
}
