package fr.cnam.aam.contracting.core.command;

import fr.cnam.aam.contracting.api.AmendContractCommand;
import fr.cnam.aam.contracting.api.AmendObjectivesCommand;
import fr.cnam.aam.contracting.api.ObjectivesAmended;
import fr.cnam.aam.contracting.api.ProposeSuspensionCommand;
import fr.cnam.aam.contracting.api.SuspensionProposed;
import fr.cnam.aam.contracting.api.ObjectivesEvaluated;
import fr.cnam.aam.contracting.api.ContractAnniversaryReached;
import fr.cnam.aam.contracting.api.ContractTermReached;
import fr.cnam.aam.contracting.api.ReachTermCommand;
import fr.cnam.aam.contracting.api.RecordAnniversaryCommand;
import fr.cnam.aam.contracting.api.ContractAmended;
import fr.cnam.aam.contracting.api.ContractObjective;
import fr.cnam.aam.contracting.api.ContractRenewed;
import fr.cnam.aam.contracting.api.ContractResumed;
import fr.cnam.aam.contracting.api.ContractRevalued;
import fr.cnam.aam.contracting.api.RecordSemestrialReviewCommand;
import fr.cnam.aam.contracting.api.RenewContractCommand;
import fr.cnam.aam.contracting.api.RevalueAtAnniversaryCommand;
import fr.cnam.aam.contracting.api.SemestrialReviewHeld;
import fr.cnam.aam.contracting.api.ContractSigned;
import fr.cnam.aam.contracting.api.ContractSuspended;
import fr.cnam.aam.contracting.api.ContractTerminated;
import fr.cnam.aam.contracting.api.ResumeContractCommand;
import fr.cnam.aam.contracting.api.SuspendContractCommand;
import fr.cnam.aam.contracting.api.TerminateContractCommand;
import fr.cnam.aam.contracting.api.SignContractCommand;
import fr.cnam.aam.eligibility.api.DoctorDeclaration;
import fr.cnam.aam.eligibility.api.EligibilityAssessed;
import fr.cnam.aam.kernel.BusinessRuleViolation;
import fr.cnam.aam.regulation.Rulebook;
import fr.cnam.aam.regulation.Rulebooks;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

class ContractTest {

    private static final String ID = "Contract:c-1";
    private static final String RPPS = "10000000009";
    private static final LocalDate SIGNED = LocalDate.of(2023, 6, 1);

    private final Rulebook shipped = Rulebook.shipped();
    private final Map<String, EligibilityAssessed> assessments = new HashMap<>();
    private final InMemoryActiveContracts activeContracts = new InMemoryActiveContracts();
    private AggregateTestFixture<Contract> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Contract.class);
        fixture.registerInjectableResource((AssessmentLookup) id -> Optional.ofNullable(assessments.get(id)));
        fixture.registerInjectableResource((ActiveContracts) activeContracts);
        fixture.registerInjectableResource(Rulebooks.fixed(shipped));
        assessments.put("Assessment:ok", assessment("Assessment:ok", RPPS, "ELIGIBLE", "RA_2023",
                                                    LocalDate.of(2023, 5, 20), List.of("HALF_TIME", "FULL_TIME")));
    }

    private static EligibilityAssessed assessment(String id, String rpps, String status, String version,
                                                  LocalDate on, List<String> options) {
        DoctorDeclaration gp = new DoctorDeclaration("MEDECINE_GENERALE", "SECTOR_1", 1300, 2000, null, "75", false,
                                                     true, true, false, false, false, null, 50);
        return new EligibilityAssessed(id, rpps, "751", on, gp, status, version, "test", options, List.of(),
                                       "DECLARED");
    }

    private static SignContractCommand sign(String assessmentId, String option) {
        return new SignContractCommand(ID, assessmentId, RPPS, "751", "75", option, "P70_P90", 1300, 2000, SIGNED);
    }

    private ContractSigned signed() {
        fixture.givenNoPriorActivity().when(sign("Assessment:ok", "FULL_TIME")).expectSuccessfulHandlerExecution();
        return (ContractSigned) fixture.getEventStore().readEvents(ID).next().getPayload();
    }

    @Test
    void signingRecordsTheVersionTheDatesAndTheObjectives() {
        ContractSigned event = signed();
        // §0: a signature on 1 June 2023 falls under the règlement arbitral
        assertThat(event.regulatoryVersion()).isEqualTo("RA_2023");
        assertThat(event.rulebookRevision()).isEqualTo(shipped.revision());
        // §1.6: 5 years
        assertThat(event.startsOn()).isEqualTo(SIGNED);
        assertThat(event.endsOn()).isEqualTo(LocalDate.of(2028, 5, 31));
        // worked example 2: 1 300 MT patients, full time → +260; a GP is held to MT patients and file active
        assertThat(event.objectives()).extracting(ContractObjective::criterion)
                                      .containsExactly("MT_PATIENTS", "FILE_ACTIVE");
        assertThat(event.objectives().get(0).target()).isEqualTo(1560);
        assertThat(event.objectivesFromYear()).isEqualTo(3);
        assertThat(event.assessmentId()).isEqualTo("Assessment:ok");
    }

    @Test
    void aOneThirdContractCannotBeSignedAfterMay2023() {
        // §2.1: the 1/3 ETP option "ne peut plus être souscrite depuis le 1er mai 2023"
        fixture.givenNoPriorActivity()
               .when(sign("Assessment:ok", "ONE_THIRD_TIME"))
               .expectException(BusinessRuleViolation.class)
               .expectExceptionMessage(containsString("ONE_THIRD_TIME"))
               .expectNoEvents();
    }

    @Test
    void aSignatureIsTheAssessingCaissesForTheAssessedPractice() {
        // issue 11: a signature whose caisse or département differed from its assessment's was recorded
        fixture.givenNoPriorActivity()
               .when(new SignContractCommand(ID, "Assessment:ok", RPPS, "921", "75", "FULL_TIME", "P70_P90", 1300,
                                             2000, SIGNED))
               .expectException(violating("ASSESSMENT_OTHER_CAISSE")).expectNoEvents();
        fixture.givenNoPriorActivity()
               .when(new SignContractCommand(ID, "Assessment:ok", RPPS, "751", "92", "FULL_TIME", "P70_P90", 1300,
                                             2000, SIGNED))
               .expectException(violating("ASSESSMENT_OTHER_DEPARTEMENT")).expectNoEvents();
    }

    @Test
    void aSignatureNeedsAnEligibleAssessmentOfTheSameDoctorUnderTheSameVersion() {
        assessments.put("Assessment:no", assessment("Assessment:no", RPPS, "NOT_ELIGIBLE", "RA_2023",
                                                    LocalDate.of(2023, 5, 20), List.of()));
        assessments.put("Assessment:other", assessment("Assessment:other", "79927398713", "ELIGIBLE", "RA_2023",
                                                       LocalDate.of(2023, 5, 20), List.of("FULL_TIME")));
        assessments.put("Assessment:2019", assessment("Assessment:2019", RPPS, "ELIGIBLE", "AV7_2019",
                                                      LocalDate.of(2023, 4, 1), List.of("FULL_TIME")));
        assessments.put("Assessment:later", assessment("Assessment:later", RPPS, "ELIGIBLE", "RA_2023",
                                                       LocalDate.of(2023, 7, 1), List.of("FULL_TIME")));
        for (String[] c : new String[][] {{"Assessment:no", "NOT_ELIGIBLE"}, {"Assessment:other", "another doctor"},
                                          {"Assessment:2019", "AV7_2019"}, {"Assessment:later", "after"},
                                          {"Assessment:none", "no eligibility assessment"}}) {
            fixture.givenNoPriorActivity()
                   .when(sign(c[0], "FULL_TIME"))
                   .expectException(BusinessRuleViolation.class)
                   .expectExceptionMessage(containsString(c[1]))
                   .expectNoEvents();
        }
    }

    @Test
    void signingWithAnInvalidRppsOrDepartementIsRejected() {
        fixture.givenNoPriorActivity()
               .when(new SignContractCommand(ID, "Assessment:ok", "10000000008", "751", "75", "FULL_TIME", "P70_P90",
                                             1300, 2000, SIGNED))
               .expectException(BusinessRuleViolation.class)
               .expectExceptionMessage(containsString("Luhn"))
               .expectNoEvents();
        fixture.givenNoPriorActivity()
               .when(new SignContractCommand(ID, "Assessment:ok", RPPS, "751", "96", "FULL_TIME", "P70_P90", 1300,
                                             2000, SIGNED))
               .expectException(BusinessRuleViolation.class)
               .expectNoEvents();
    }

    @Test
    void anAvenantChangesTheOption() {
        ContractSigned signed = signed();
        fixture.given(signed)
               .when(new AmendContractCommand(ID, "AV-2024-01", "HALF_TIME", LocalDate.of(2024, 1, 1), "fewer hours"))
               .expectEvents(new ContractAmended(ID, "AV-2024-01", "FULL_TIME", "HALF_TIME",
                                                 LocalDate.of(2024, 1, 1), "fewer hours", "RA_2023",
                                                 shipped.revision()));
    }

    @Test
    void anAvenantToAnOptionTheVersionClosedIsRejected() {
        fixture.given(signed())
               .when(new AmendContractCommand(ID, "AV-1", "ONE_THIRD_TIME", LocalDate.of(2024, 1, 1), null))
               .expectException(BusinessRuleViolation.class)
               .expectNoEvents();
    }

    @Test
    void anAvenantBeforeTheSignatureOrThatChangesNothingIsRejected() {
        ContractSigned signed = signed();
        fixture.given(signed)
               .when(new AmendContractCommand(ID, "AV-1", "HALF_TIME", SIGNED.minusDays(1), null))
               .expectException(BusinessRuleViolation.class)
               .expectNoEvents();
        fixture.given(signed)
               .when(new AmendContractCommand(ID, "AV-1", "FULL_TIME", SIGNED.plusMonths(2), null))
               .expectException(BusinessRuleViolation.class)
               .expectNoEvents();
    }

    @Test
    void aSuspensionAndAResumptionEachNeedTheirAvenant() {
        ContractSigned signed = signed();
        ContractSuspended suspended = new ContractSuspended(ID, "AV-S1", "assistant absent more than 3 months",
                                                            LocalDate.of(2024, 2, 1));
        fixture.given(signed)
               .when(new SuspendContractCommand(ID, "AV-S1", "assistant absent more than 3 months",
                                                LocalDate.of(2024, 2, 1)))
               .expectEvents(suspended);
        fixture.given(signed, suspended)
               .when(new SuspendContractCommand(ID, "AV-S2", "again", LocalDate.of(2024, 3, 1)))
               .expectException(BusinessRuleViolation.class).expectNoEvents();
        fixture.given(signed, suspended)
               .when(new ResumeContractCommand(ID, "AV-R1", "replacement hired", LocalDate.of(2024, 1, 1)))
               .expectException(BusinessRuleViolation.class).expectNoEvents();
        fixture.given(signed, suspended)
               .when(new ResumeContractCommand(ID, "AV-R1", "replacement hired", LocalDate.of(2024, 4, 1)))
               .expectEvents(new ContractResumed(ID, "AV-R1", "replacement hired", LocalDate.of(2024, 4, 1)));
        fixture.given(signed)
               .when(new ResumeContractCommand(ID, "AV-R1", "nothing to resume", LocalDate.of(2024, 4, 1)))
               .expectException(BusinessRuleViolation.class).expectNoEvents();
    }

    @Test
    void theDoctorEndsTheContractWithTwoMonthsNotice() {
        // §5 (S33, secondary): registered letter, 2 months' notice
        fixture.given(signed())
               .when(new TerminateContractCommand(ID, "DOCTOR", "retirement", LocalDate.of(2025, 3, 10)))
               .expectSuccessfulHandlerExecution();
        ContractTerminated terminated = (ContractTerminated) fixture.getEventStore().readEvents(ID).asStream()
                .map(m -> m.getPayload()).filter(p -> p instanceof ContractTerminated).findFirst().orElseThrow();
        assertThat(terminated.effectiveOn()).isEqualTo(LocalDate.of(2025, 5, 10));
        assertThat(terminated.noticeParameter()).isEqualTo("contract.terminationNoticeMonths");
        assertThat(terminated.noticeConfidence()).isEqualTo("secondary");
    }

    @Test
    void aTerminatedContractTakesNoMoreCommandsAndTheTermComesAtTheEndDate() {
        ContractSigned signed = signed();
        ContractTerminated byCaisse = new ContractTerminated(ID, "CAISSE", "non-compliance", LocalDate.of(2025, 1, 1),
                                                             LocalDate.of(2025, 1, 1), null, null, null, "RA_2023",
                                                             shipped.revision());
        fixture.given(signed, byCaisse)
               .when(new AmendContractCommand(ID, "AV-9", "HALF_TIME", LocalDate.of(2025, 2, 1), null))
               .expectException(BusinessRuleViolation.class).expectNoEvents();
        fixture.given(signed)
               .when(new TerminateContractCommand(ID, "TERM", "end of term", LocalDate.of(2027, 1, 1)))
               .expectException(BusinessRuleViolation.class).expectNoEvents();
        fixture.given(signed)
               .when(new TerminateContractCommand(ID, "TERM", "end of term", LocalDate.of(2028, 5, 31)))
               .expectEvents(new ContractTerminated(ID, "TERM", "end of term", LocalDate.of(2028, 5, 31),
                                                    LocalDate.of(2028, 5, 31), null, null, null, "RA_2023",
                                                    shipped.revision()));
        fixture.given(signed)
               .when(new TerminateContractCommand(ID, "NOBODY", "?", LocalDate.of(2025, 1, 1)))
               .expectException(BusinessRuleViolation.class).expectNoEvents();
    }

    @Test
    void the2024AmountsReachThisContractAtItsAnniversaryAfter22June2024() {
        // §3.1 (S1, S25): +5 % from the next anniversary; signed 1 June 2023, the anniversary of 1 June 2024 is
        // before 22 June 2024, so the revaluation comes on 1 June 2025: year 3, 21 000 € → 22 000 €
        ContractSigned signed = signed();
        fixture.given(signed)
               .when(new RevalueAtAnniversaryCommand(ID, LocalDate.of(2024, 6, 1)))
               .expectException(BusinessRuleViolation.class).expectNoEvents();
        fixture.given(signed)
               .when(new RevalueAtAnniversaryCommand(ID, LocalDate.of(2025, 6, 1)))
               .expectSuccessfulHandlerExecution();
        ContractRevalued revalued = (ContractRevalued) fixture.getEventStore().readEvents(ID).asStream()
                .map(m -> m.getPayload()).filter(p -> p instanceof ContractRevalued).findFirst().orElseThrow();
        assertThat(revalued.contractYear()).isEqualTo(3);
        assertThat(revalued.amountsOf()).isEqualTo("CONV_2024");
        assertThat(revalued.aidBeforeCents()).isEqualTo(2_100_000L);
        assertThat(revalued.aidAfterCents()).isEqualTo(2_200_000L);
        fixture.given(signed, revalued)
               .when(new RevalueAtAnniversaryCommand(ID, LocalDate.of(2026, 6, 1)))
               .expectException(BusinessRuleViolation.class).expectNoEvents();
        fixture.given(signed)
               .when(new RevalueAtAnniversaryCommand(ID, LocalDate.of(2025, 6, 2)))
               .expectException(BusinessRuleViolation.class).expectNoEvents();
    }

    @Test
    void aRenewalStartsANewFiveYearTermTheDayAfterTheEnd() {
        // §1.6 / §3.7: 5 years, renewable
        fixture.given(signed())
               .when(new RenewContractCommand(ID, LocalDate.of(2028, 3, 1)))
               .expectSuccessfulHandlerExecution();
        ContractRenewed renewed = (ContractRenewed) fixture.getEventStore().readEvents(ID).asStream()
                .map(m -> m.getPayload()).filter(p -> p instanceof ContractRenewed).findFirst().orElseThrow();
        assertThat(renewed.newTermStartsOn()).isEqualTo(LocalDate.of(2028, 6, 1));
        assertThat(renewed.newTermEndsOn()).isEqualTo(LocalDate.of(2033, 5, 31));
        assertThat(renewed.durationConfidence()).isEqualTo("confirmed");
    }

    /** The refusal names this rule (not only the exception class). */
    static org.hamcrest.Matcher<?> violating(String rule) {
        return org.axonframework.test.matchers.Matchers.predicate(
                e -> e instanceof BusinessRuleViolation violation && rule.equals(violation.rule()));
    }

    @Test
    void aRenewalIsDecidedOnceNearTheTermAndNotAgain() {
        // issue 11 measured three renewals accepted on one contract, one five years before the term
        ContractSigned contract = signed();
        fixture.given(contract)
               .when(new RenewContractCommand(ID, LocalDate.of(2023, 7, 1)))
               .expectException(violating("RENEWAL_TOO_EARLY"))
               .expectNoEvents();
        fixture.given(contract)
               .when(new RenewContractCommand(ID, LocalDate.of(2028, 3, 1)))
               .expectSuccessfulHandlerExecution();
        ContractRenewed renewed = (ContractRenewed) fixture.getEventStore().readEvents(ID).asStream()
                .map(m -> m.getPayload()).filter(p -> p instanceof ContractRenewed).findFirst().orElseThrow();
        fixture.given(contract, renewed)
               .when(new RenewContractCommand(ID, LocalDate.of(2028, 3, 1)))
               .expectException(violating("RENEWAL_ALREADY_DECIDED"))
               .expectNoEvents();
        fixture.given(contract, renewed)
               .when(new RenewContractCommand(ID, LocalDate.of(2028, 9, 1)))
               .expectException(violating("RENEWAL_TOO_EARLY")).expectNoEvents(); // years before the new end
    }

    @Test
    void anAvenantCannotTakeEffectBeforeTheLastOneRecorded() {
        // issue 11: an avenant effective before one already recorded made the view and the schedule disagree
        ContractSigned contract = signed();
        fixture.given(contract)
               .when(new AmendContractCommand(ID, "AV-2", "HALF_TIME", LocalDate.of(2024, 3, 1), null))
               .expectSuccessfulHandlerExecution();
        ContractAmended later = (ContractAmended) fixture.getEventStore().readEvents(ID).asStream()
                .map(m -> m.getPayload()).filter(p -> p instanceof ContractAmended).findFirst().orElseThrow();
        fixture.given(contract, later)
               .when(new AmendContractCommand(ID, "AV-1", "FULL_TIME", LocalDate.of(2024, 1, 1), null))
               .expectException(violating("AVENANT_OUT_OF_ORDER"))
               .expectNoEvents();
        fixture.given(contract, later)
               .when(new AmendContractCommand(ID, "AV-3", "FULL_TIME", LocalDate.of(2024, 3, 1), null))
               .expectSuccessfulHandlerExecution();
    }

    @Test
    void aSemestrialReviewIsRecorded() {
        fixture.given(signed())
               .when(new RecordSemestrialReviewCommand(ID, LocalDate.of(2023, 12, 1), "difficulties discussed"))
               .expectEvents(new SemestrialReviewHeld(ID, LocalDate.of(2023, 12, 1), "difficulties discussed"));
    }

    @Test
    void aDoctorHoldsOneActiveContractAtATime() {
        signed();
        assertThat(activeContracts.holders).containsEntry(RPPS, ID);
        // a second contract for the same doctor is refused, and nothing is written
        AggregateTestFixture<Contract> other = new AggregateTestFixture<>(Contract.class);
        other.registerInjectableResource((AssessmentLookup) id -> Optional.ofNullable(assessments.get(id)));
        other.registerInjectableResource((ActiveContracts) activeContracts);
        other.registerInjectableResource(Rulebooks.fixed(shipped));
        other.givenNoPriorActivity()
             .when(new SignContractCommand("Contract:c-2", "Assessment:ok", RPPS, "751", "75", "FULL_TIME",
                                           "P70_P90", 1300, 2000, SIGNED))
             .expectException(BusinessRuleViolation.class)
             .expectExceptionMessage(containsString("already holds"))
             .expectNoEvents();
        // once the first is terminated, the doctor is free again from the day after its last day
        fixture.given(signedEvent())
               .when(new TerminateContractCommand(ID, "CAISSE", "non-compliance", LocalDate.of(2024, 1, 10)))
               .expectSuccessfulHandlerExecution();
        assertThat(activeContracts.waiting).containsEntry(RPPS, LocalDate.of(2024, 1, 11));
        assertThat(activeContracts.reserve(RPPS, "Contract:c-2", LocalDate.of(2024, 1, 11))).isTrue();
    }

    @Test
    void aDoctorsNoticeKeepsTheContractUntilItsLastDaySoNoOtherContractPaysTheSameDays() {
        signed();
        // the doctor's notice (regulation.md: contract.terminationNoticeMonths) puts the last day after the
        // notification: until then no other contract — a group's collective one — may take the doctor
        fixture.given(signedEvent())
               .when(new TerminateContractCommand(ID, "DOCTOR", "joins a group", LocalDate.of(2024, 1, 10)))
               .expectSuccessfulHandlerExecution();
        ContractTerminated ended = (ContractTerminated) fixture.getEventStore().readEvents(ID).asStream()
                .map(m -> m.getPayload()).filter(ContractTerminated.class::isInstance).findFirst().orElseThrow();
        LocalDate free = ended.effectiveOn().plusDays(1);
        assertThat(ended.effectiveOn()).isAfter(LocalDate.of(2024, 1, 10));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> activeContracts.reserve(RPPS, "CollectiveContract:g",
                                                                                          ended.effectiveOn()))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                                        v -> assertThat(v.rule()).isEqualTo("SECOND_ACTIVE_CONTRACT"));
        assertThat(activeContracts.reserve(RPPS, "CollectiveContract:g", free)).isTrue();
    }

    @Test
    void aNoticeRunningPastTheTermFreesTheDoctorTheDayAfterTheTerm() {
        ContractSigned signed = signed();
        fixture.given(signed)
               .when(new TerminateContractCommand(ID, "DOCTOR", "retirement", signed.endsOn().minusDays(10)))
               .expectSuccessfulHandlerExecution();
        assertThat(activeContracts.waiting).containsEntry(RPPS, signed.endsOn().plusDays(1));
    }

    @Test
    void aRenewalAfterTheTermTakesTheDoctorBackUnlessAnotherContractHasThem() {
        ContractSigned signed = signed();
        fixture.given(signed).when(new ReachTermCommand(ID, signed.endsOn().plusDays(1)))
               .expectSuccessfulHandlerExecution();
        assertThat(activeContracts.waiting).containsKey(RPPS);
        ContractTermReached reached = new ContractTermReached(ID, signed.endsOn());
        fixture.given(signed, reached)
               .when(new RenewContractCommand(ID, signed.endsOn().plusDays(5)))
               .expectSuccessfulHandlerExecution();
        assertThat(activeContracts.holders).containsEntry(RPPS, ID);
        assertThat(activeContracts.waiting).as("held again, for good").doesNotContainKey(RPPS);
    }

    @Test
    void aContractAtItsTermNoLongerHoldsItsDoctor() {
        ContractSigned signed = signed();
        fixture.given(signed).when(new ReachTermCommand(ID, signed.endsOn().plusDays(1)))
               .expectSuccessfulHandlerExecution();
        assertThat(activeContracts.reserve(RPPS, "Contract:c-3", signed.endsOn().plusDays(1))).isTrue();
    }

    private ContractSigned signedEvent() {
        return (ContractSigned) fixture.getEventStore().readEvents(ID).next().getPayload();
    }

    @Test
    void anAnniversaryOpensTheNextYearOnceAndTheTermComesAfterTheEndDate() {
        ContractSigned signed = signed();
        ContractAnniversaryReached second = new ContractAnniversaryReached(ID, LocalDate.of(2024, 6, 1), 2, false,
                                                                           "RA_2023", shipped.revision());
        fixture.given(signed)
               .when(new RecordAnniversaryCommand(ID, LocalDate.of(2024, 6, 1)))
               .expectEvents(second);
        fixture.given(signed, second)
               .when(new RecordAnniversaryCommand(ID, LocalDate.of(2024, 6, 1)))
               .expectException(BusinessRuleViolation.class).expectNoEvents();
        // objectives are checked from year 3 (§1.4): the anniversary closing year 3 makes its evaluation due
        // (the 2024 amounts reached it at the 2025 anniversary: no second revaluation in 2026)
        fixture.given(signed, second, new ContractAnniversaryReached(ID, LocalDate.of(2025, 6, 1), 3, false,
                                                                     "RA_2023", shipped.revision()),
                      new ContractRevalued(ID, LocalDate.of(2025, 6, 1), 3, "CONV_2024", 2_100_000L, 2_200_000L,
                                           "aid.FULL_TIME.year3", "S1", "confirmed", "test"))
               .when(new RecordAnniversaryCommand(ID, LocalDate.of(2026, 6, 1)))
               .expectEvents(new ContractAnniversaryReached(ID, LocalDate.of(2026, 6, 1), 4, true, "RA_2023",
                                                            shipped.revision()));
        fixture.given(signed)
               .when(new ReachTermCommand(ID, LocalDate.of(2028, 5, 31)))
               .expectException(BusinessRuleViolation.class).expectNoEvents();
        fixture.given(signed)
               .when(new ReachTermCommand(ID, LocalDate.of(2028, 6, 1)))
               .expectEvents(new ContractTermReached(ID, LocalDate.of(2028, 5, 31)));
    }

    @Test
    void objectivesChangeByAvenantOnlyAfterASemestrialReview() {
        ContractSigned signed = signed();
        Map<String, Integer> targets = Map.of("MT_PATIENTS", 1500, "FILE_ACTIVE", 2300);
        fixture.given(signed)
               .when(new AmendObjectivesCommand(ID, "AV-O1", LocalDate.of(2024, 1, 1), targets, "review"))
               .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString("review"))
               .expectNoEvents();
        SemestrialReviewHeld review = new SemestrialReviewHeld(ID, LocalDate.of(2023, 12, 1), "difficulties");
        fixture.given(signed, review)
               .when(new AmendObjectivesCommand(ID, "AV-O1", LocalDate.of(2024, 1, 1), Map.of("MT_PATIENTS", 1500),
                                                "review"))
               .expectException(BusinessRuleViolation.class).expectNoEvents();
        fixture.given(signed, review)
               .when(new AmendObjectivesCommand(ID, "AV-O1", LocalDate.of(2024, 1, 1), targets, "review"))
               .expectSuccessfulHandlerExecution();
        ObjectivesAmended amended = (ObjectivesAmended) fixture.getEventStore().readEvents(ID).asStream()
                .map(m -> m.getPayload()).filter(p -> p instanceof ObjectivesAmended).findFirst().orElseThrow();
        assertThat(amended.objectives()).extracting(ContractObjective::target).containsExactly(1500, 2300);
        assertThat(amended.reviewHeldOn()).isEqualTo(LocalDate.of(2023, 12, 1));
    }

    @Test
    void aSecondAssistantByAvenantOnlyUnderThe2024Conditions() {
        // §3.3 (S5, S26): 1.5 or 2 ETP for a GP with a 1 ETP contract, in year 3 or later, objectives reached, in a ZIP
        ContractSigned inZip = new ContractSigned(ID, RPPS, "751", "23", "FULL_TIME", LocalDate.of(2024, 9, 1),
                "Assessment:z", "MEDECINE_GENERALE", "P70_P90", 1300, 2000, LocalDate.of(2024, 9, 1),
                LocalDate.of(2029, 8, 31), "CONV_2024", "test", 3,
                List.of(new ContractObjective("MT_PATIENTS", 1300, 200, 1560, 1300, "p", "s", "unverified")), true);
        ObjectivesEvaluated reached = new ObjectivesEvaluated(ID, 3, LocalDate.of(2027, 9, 15), 100, 2_200_000L,
                                                              2_200_000L, "CONV_2024", "test", List.of());
        fixture.given(inZip, reached)
               .when(new AmendContractCommand(ID, "AV-2A", "TWO_FULL_TIME", LocalDate.of(2027, 10, 1), "second"))
               .expectEvents(new ContractAmended(ID, "AV-2A", "FULL_TIME", "TWO_FULL_TIME",
                                                 LocalDate.of(2027, 10, 1), "second", "CONV_2024",
                                                 shipped.revision()));
        // year 2, no evaluation yet: refused
        fixture.given(inZip)
               .when(new AmendContractCommand(ID, "AV-2A", "TWO_FULL_TIME", LocalDate.of(2025, 10, 1), "second"))
               .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString("year 3"))
               .expectNoEvents();
        // objectives not reached: refused
        fixture.given(inZip, new ObjectivesEvaluated(ID, 3, LocalDate.of(2027, 9, 15), 80, 2_200_000L, 2_200_000L,
                                                     "CONV_2024", "test", List.of()))
               .when(new AmendContractCommand(ID, "AV-2A", "ONE_AND_HALF_TIME", LocalDate.of(2027, 10, 1), "x"))
               .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString("objectives"))
               .expectNoEvents();
        // not in a priority zone: refused
        ContractSigned outside = new ContractSigned(ID, RPPS, "751", "75", "FULL_TIME", LocalDate.of(2024, 9, 1),
                "Assessment:z", "MEDECINE_GENERALE", "P70_P90", 1300, 2000, LocalDate.of(2024, 9, 1),
                LocalDate.of(2029, 8, 31), "CONV_2024", "test", 3, List.of(), false);
        fixture.given(outside, reached)
               .when(new AmendContractCommand(ID, "AV-2A", "TWO_FULL_TIME", LocalDate.of(2027, 10, 1), "x"))
               .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString("priority zone"))
               .expectNoEvents();
        // before the 2024 convention the option does not exist: the 2023 contract of this class cannot take it
        fixture.given(signed())
               .when(new AmendContractCommand(ID, "AV-2A", "TWO_FULL_TIME", LocalDate.of(2026, 10, 1), "x"))
               .expectException(BusinessRuleViolation.class).expectNoEvents();
    }

    @Test
    void aSuspensionIsProposedUnlessTheContractIsSuspendedAlready() {
        ContractSigned signed = signed();
        fixture.given(signed)
               .when(new ProposeSuspensionCommand(ID, "assistant left", "Assistant:a", LocalDate.of(2024, 2, 1)))
               .expectEvents(new SuspensionProposed(ID, "assistant left", "Assistant:a", LocalDate.of(2024, 2, 1)));
        fixture.given(signed, new ContractSuspended(ID, "AV-S", "absent", LocalDate.of(2024, 1, 1)))
               .when(new ProposeSuspensionCommand(ID, "assistant left", "Assistant:a", LocalDate.of(2024, 2, 1)))
               .expectException(BusinessRuleViolation.class).expectNoEvents();
    }
}
