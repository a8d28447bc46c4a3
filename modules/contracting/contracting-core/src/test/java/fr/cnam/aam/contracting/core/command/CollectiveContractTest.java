package fr.cnam.aam.contracting.core.command;

import fr.cnam.aam.contracting.api.ChangeCollectiveEtpCommand;
import fr.cnam.aam.contracting.api.CollectiveContractSigned;
import fr.cnam.aam.contracting.api.CollectiveContractTermReached;
import fr.cnam.aam.contracting.api.CollectiveContractTerminated;
import fr.cnam.aam.contracting.api.CollectiveEtpChanged;
import fr.cnam.aam.contracting.api.CollectiveMember;
import fr.cnam.aam.contracting.api.CollectiveMemberJoined;
import fr.cnam.aam.contracting.api.CollectiveObjectivesEvaluated;
import fr.cnam.aam.contracting.api.EvaluateCollectiveObjectivesCommand;
import fr.cnam.aam.contracting.api.JoinCollectiveContractCommand;
import fr.cnam.aam.contracting.api.LeaveCollectiveContractCommand;
import fr.cnam.aam.contracting.api.ReachCollectiveTermCommand;
import fr.cnam.aam.contracting.api.SignCollectiveContractCommand;
import fr.cnam.aam.contracting.api.TerminateCollectiveContractCommand;
import fr.cnam.aam.contracting.api.WaitingPeriodWaived;
import fr.cnam.aam.contracting.api.WaiveWaitingPeriodCommand;
import fr.cnam.aam.kernel.BusinessRuleViolation;
import fr.cnam.aam.kernel.Rpps;
import fr.cnam.aam.regulation.Rulebook;
import fr.cnam.aam.regulation.Rulebooks;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A group of 3 GPs signing the collective aid for 2 ETP (regulation.md §3b, S38, secondary): the figures recorded
 * (76 000 / 56 000 / 44 000 € a year, +520 / +220), members joining and leaving within the cap, an ETP avenant, a
 * year-3 pro rata, the end and its 2-year waiting period; a doctor holding an individual contract cannot join.
 */
class CollectiveContractTest {

    private static final String ID = "CollectiveContract:group-1";
    private static final LocalDate SIGNED = LocalDate.of(2026, 4, 1);
    private static final String A = Rpps.withCheckDigit("1000000001").value();
    private static final String B = Rpps.withCheckDigit("1000000002").value();
    private static final String C = Rpps.withCheckDigit("1000000003").value();
    private static final String D = Rpps.withCheckDigit("1000000004").value();

    private final InMemoryActiveContracts activeContracts = new InMemoryActiveContracts();
    private AggregateTestFixture<CollectiveContract> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CollectiveContract.class);
        fixture.registerInjectableResource((ActiveContracts) activeContracts);
        fixture.registerInjectableResource(Rulebooks.fixed(Rulebook.shipped()));
    }

    private static CollectiveMember gp(String rpps, int mtPatients) {
        return new CollectiveMember(rpps, "MEDECINE_GENERALE", "SECTOR_1", false, mtPatients, 1500,
                                    LocalDate.of(2015, 1, 1), false);
    }

    private static SignCollectiveContractCommand sign(int etpPermille, int thirdMt) {
        return new SignCollectiveContractCommand(ID, "751", "75", "SCM", "751234567", SIGNED, etpPermille, false,
                                                 List.of(gp(A, 700), gp(B, 800), gp(C, thirdMt)));
    }

    private CollectiveContractSigned signed() {
        fixture.givenNoPriorActivity().when(sign(2000, 825)).expectSuccessfulHandlerExecution();
        return (CollectiveContractSigned) fixture.getEventStore().readEvents(ID).next().getPayload();
    }

    private static String rule(Throwable e) {
        return ((BusinessRuleViolation) e).rule();
    }

    @Test
    void aGroupAveraging775SignsForTwoEtpAndItsMembersAreReserved() {
        CollectiveContractSigned e = signed();
        assertThat(e.aidByYearCents()).containsExactly(7_600_000L, 5_600_000L, 4_400_000L, 4_400_000L, 4_400_000L);
        assertThat(e.mtPatientsIncrease()).isEqualTo(520);
        assertThat(e.fileActiveIncrease()).isEqualTo(220);
        assertThat(e.etpCapPermille()).isEqualTo(3000);
        assertThat(e.regulatoryVersion()).isEqualTo("COLLECTIVE_2026");
        assertThat(e.endsOn()).isEqualTo(LocalDate.of(2031, 3, 31));
        assertThat(activeContracts.holders).containsEntry(A, ID).containsEntry(B, ID).containsEntry(C, ID);
    }

    @Test
    void anAverageOf774OrAnEtpAboveTheCapIsRefused() {
        fixture.givenNoPriorActivity().when(sign(2000, 822))
               .expectException(ContractTest.violating("AVERAGE_PATIENTELE_TOO_LOW")).expectNoEvents();
        assertThat(activeContracts.holders).as("nobody reserved by a refused signature").doesNotContainKey(A);
        fixture.givenNoPriorActivity().when(sign(4000, 900))
               .expectException(ContractTest.violating("ETP_ABOVE_CAP")).expectNoEvents();
    }

    @Test
    void aDoctorHoldingAnIndividualContractCannotJoinUntilItIsTerminated() {
        CollectiveContractSigned e = signed();
        activeContracts.reserve(D, "Contract:individual-d", SIGNED.minusYears(1));
        fixture.given(e).when(new JoinCollectiveContractCommand(ID, gp(D, 900), SIGNED.plusMonths(2)))
               .expectException(ContractTest.violating("SECOND_ACTIVE_CONTRACT"));
        activeContracts.release(D, "Contract:individual-d"); // its termination
        fixture.given(e).when(new JoinCollectiveContractCommand(ID, gp(D, 900), SIGNED.plusMonths(3)))
               .expectEvents(new CollectiveMemberJoined(ID, gp(D, 900), SIGNED.plusMonths(3), 4000));
    }

    @Test
    void theEtpChangesByAvenantWithinTheCapAndAMemberLeavingCannotLeaveItAbove() {
        CollectiveContractSigned e = signed();
        fixture.given(e).when(new ChangeCollectiveEtpCommand(ID, "AV-1", 3000, SIGNED.plusMonths(6)))
               .expectSuccessfulHandlerExecution();
        CollectiveEtpChanged changed = (CollectiveEtpChanged) fixture.getEventStore().readEvents(ID).asStream()
                .map(m -> m.getPayload()).filter(p -> p instanceof CollectiveEtpChanged).findFirst().orElseThrow();
        // 3 ETP: 114 000 € in year 1 (3 × 38 000), objectives +780 / +330
        assertThat(changed.aidByYearCents().get(0)).isEqualTo(11_400_000L);
        assertThat(changed.mtPatientsIncrease()).isEqualTo(780);
        fixture.given(e, changed).when(new LeaveCollectiveContractCommand(ID, C, SIGNED.plusMonths(8), "départ"))
               .expectException(ContractTest.violating("ETP_ABOVE_CAP"));
        fixture.given(e).when(new LeaveCollectiveContractCommand(ID, C, SIGNED.plusMonths(8), "départ"))
               .expectEvents(new fr.cnam.aam.contracting.api.CollectiveMemberLeft(ID, C, SIGNED.plusMonths(8),
                                                                                  "départ", 2000));
        // still this contract's member on its last day: free for another from the day after
        assertThat(activeContracts.waiting).containsEntry(C, SIGNED.plusMonths(8).plusDays(1));
        assertThatThrownBy(() -> activeContracts.reserve(C, "Contract:c-alone", SIGNED.plusMonths(8)))
                .extracting(CollectiveContractTest::rule).isEqualTo("SECOND_ACTIVE_CONTRACT");
        assertThat(activeContracts.reserve(C, "Contract:c-alone", SIGNED.plusMonths(8).plusDays(1))).isTrue();
        fixture.given(e).when(new ChangeCollectiveEtpCommand(ID, "AV-2", 3500, SIGNED.plusMonths(6)))
               .expectException(ContractTest.violating("ETP_ABOVE_CAP"));
    }

    @Test
    void yearThreeNotFullyReachedIsPaidProRata() {
        CollectiveContractSigned e = signed();
        // +390 of +520 MT (75 %), +220 of +220 file active (100 %): the mean, 87.5 % (unverified combination)
        fixture.given(e).when(new EvaluateCollectiveObjectivesCommand(ID, 3, LocalDate.of(2029, 4, 15), 390, 220))
               .expectSuccessfulHandlerExecution();
        CollectiveObjectivesEvaluated evaluated = (CollectiveObjectivesEvaluated) fixture.getEventStore()
                .readEvents(ID).asStream().map(m -> m.getPayload())
                .filter(p -> p instanceof CollectiveObjectivesEvaluated).findFirst().orElseThrow();
        assertThat(evaluated.aidCents()).isEqualTo(4_400_000L);
        assertThat(evaluated.modulatedAidCents()).isEqualTo(3_850_000L);
        assertThat(evaluated.rules()).anySatisfy(r -> assertThat(r).contains("UNVERIFIED"));
        fixture.given(e).when(new EvaluateCollectiveObjectivesCommand(ID, 3, LocalDate.of(2029, 3, 1), 390, 220))
               .expectException(ContractTest.violating("EVALUATION_BEFORE_YEAR_END"));
        fixture.given(e, evaluated)
               .when(new EvaluateCollectiveObjectivesCommand(ID, 3, LocalDate.of(2029, 5, 1), 390, 220))
               .expectException(ContractTest.violating("YEAR_ALREADY_EVALUATED"));
    }

    @Test
    void aYearIsEvaluatedOnWhatWasRecordedForItWhateverChangedSince() {
        CollectiveContractSigned e = signed();
        // C (825) leaves: the average falls to 750 (not a ground to end it, S38); year 3 is still the 2-ETP year
        fr.cnam.aam.contracting.api.CollectiveMemberLeft left = new fr.cnam.aam.contracting.api.CollectiveMemberLeft(
                ID, C, SIGNED.plusMonths(8), "départ", 2000);
        fixture.given(e, left)
               .when(new EvaluateCollectiveObjectivesCommand(ID, 3, LocalDate.of(2029, 4, 15), 520, 220))
               .expectSuccessfulHandlerExecution();
        // an avenant to 3 ETP from year 4 does not change year 3: 44 000 €, not 66 000 €
        CollectiveEtpChanged fromYear4 = new CollectiveEtpChanged(ID, "AV-4", 2000, 3000, LocalDate.of(2029, 4, 1),
                List.of(11_400_000L, 8_400_000L, 6_600_000L, 6_600_000L, 6_600_000L), 780, 330, "r");
        fixture.given(e, fromYear4)
               .when(new EvaluateCollectiveObjectivesCommand(ID, 3, LocalDate.of(2029, 4, 15), 520, 220))
               .expectSuccessfulHandlerExecution();
        CollectiveObjectivesEvaluated year3 = (CollectiveObjectivesEvaluated) fixture.getEventStore()
                .readEvents(ID).asStream().map(m -> m.getPayload())
                .filter(p -> p instanceof CollectiveObjectivesEvaluated).findFirst().orElseThrow();
        assertThat(year3.aidCents()).isEqualTo(4_400_000L);
        assertThat(year3.modulatedAidCents()).as("+520 / +220: reached").isEqualTo(4_400_000L);
        // a member with no patientèle raises the cap, not the aid: raising the ETP needs the average
        fixture.given(e, new CollectiveMemberJoined(ID, gp(D, 0), SIGNED.plusMonths(1), 4000))
               .when(new ChangeCollectiveEtpCommand(ID, "AV-3", 3000, SIGNED.plusMonths(2)))
               .expectException(ContractTest.violating("AVERAGE_PATIENTELE_TOO_LOW"));
        // after the end, no later year is evaluated
        fixture.given(e, new CollectiveContractTerminated(ID, "GROUP", "fin", LocalDate.of(2028, 6, 30),
                        LocalDate.of(2028, 6, 30), List.of(A, B, C), LocalDate.of(2030, 6, 30), "COLLECTIVE_2026", "r"))
               .when(new EvaluateCollectiveObjectivesCommand(ID, 4, LocalDate.of(2030, 4, 15), 520, 220))
               .expectException(ContractTest.violating("YEAR_AFTER_TERMINATION"));
        fixture.given(e).when(new TerminateCollectiveContractCommand(ID, "GROUP", "fin", LocalDate.of(2031, 6, 1)))
               .expectException(ContractTest.violating("TERMINATION_DATE_INVALID"));
    }

    @Test
    void theEndHoldsEveryMemberTwoYears() {
        CollectiveContractSigned e = signed();
        fixture.given(e).when(new TerminateCollectiveContractCommand(ID, "GROUP", "dissolution",
                                                                     LocalDate.of(2028, 6, 30)))
               .expectEvents(new CollectiveContractTerminated(ID, "GROUP", "dissolution", LocalDate.of(2028, 6, 30),
                       LocalDate.of(2028, 6, 30), List.of(A, B, C), LocalDate.of(2030, 6, 30), "COLLECTIVE_2026",
                       Rulebook.shipped().revision()));
        assertThatThrownBy(() -> activeContracts.reserve(A, "Contract:new-a", LocalDate.of(2030, 6, 29)))
                .isInstanceOf(BusinessRuleViolation.class).extracting(CollectiveContractTest::rule)
                .isEqualTo("WAITING_PERIOD");
        assertThat(activeContracts.reserve(A, "Contract:new-a", LocalDate.of(2030, 6, 30))).isTrue();
        fixture.given(e, new CollectiveContractTerminated(ID, "GROUP", "dissolution", LocalDate.of(2028, 6, 30),
                        LocalDate.of(2028, 6, 30), List.of(A, B, C), LocalDate.of(2030, 6, 30), "COLLECTIVE_2026",
                        Rulebook.shipped().revision()))
               .when(new JoinCollectiveContractCommand(ID, gp(D, 900), LocalDate.of(2028, 7, 1)))
               .expectException(ContractTest.violating("CONTRACT_TERMINATED"));
    }

    @Test
    void atItsTermTheContractEndsAndHoldsItsMembersTwoYears() {
        CollectiveContractSigned e = signed();
        // signed 1 April 2026 for 5 years: last day 31 March 2031; the calendar fires the day after
        fixture.given(e).when(new ReachCollectiveTermCommand(ID, LocalDate.of(2031, 3, 31)))
               .expectException(ContractTest.violating("TERM_NOT_REACHED"));
        fixture.given(e).when(new ReachCollectiveTermCommand(ID, LocalDate.of(2031, 4, 1)))
               .expectEvents(new CollectiveContractTermReached(ID, LocalDate.of(2031, 3, 31), List.of(A, B, C),
                       LocalDate.of(2033, 3, 31), "COLLECTIVE_2026", Rulebook.shipped().revision()));
        assertThatThrownBy(() -> activeContracts.reserve(B, "Contract:new-b", LocalDate.of(2033, 3, 30)))
                .isInstanceOf(BusinessRuleViolation.class).extracting(CollectiveContractTest::rule)
                .isEqualTo("WAITING_PERIOD");
    }

    @Test
    void theCaisseDirectorMayExemptAFormerMemberFromTheWaitingPeriod() {
        CollectiveContractSigned e = signed();
        CollectiveContractTerminated ended = new CollectiveContractTerminated(ID, "GROUP", "dissolution",
                LocalDate.of(2028, 6, 30), LocalDate.of(2028, 6, 30), List.of(A, B, C), LocalDate.of(2030, 6, 30),
                "COLLECTIVE_2026", Rulebook.shipped().revision());
        fixture.given(e).when(new WaiveWaitingPeriodCommand(ID, A, LocalDate.of(2028, 7, 10), "DIR-2028-041", "x"))
               .expectException(ContractTest.violating("CONTRACT_NOT_ENDED"));
        fixture.given(e, ended).when(new WaiveWaitingPeriodCommand(ID, D, LocalDate.of(2028, 7, 10), "DIR-1", "x"))
               .expectException(ContractTest.violating("MEMBER_UNKNOWN"));
        fixture.given(e, ended).when(new WaiveWaitingPeriodCommand(ID, A, LocalDate.of(2028, 7, 10), " ", "x"))
               .expectException(ContractTest.violating("DECISION_REFERENCE_REQUIRED"));
        fixture.given(e, ended).when(new WaiveWaitingPeriodCommand(ID, A, LocalDate.of(2030, 6, 30), "DIR-1", "x"))
               .expectException(ContractTest.violating("WAITING_PERIOD_OVER"));
        // the members are held (as the termination's commit leaves them); the director's exception frees A at once
        activeContracts.holdUntil(A, ID, LocalDate.of(2030, 6, 30), true);
        WaitingPeriodWaived waived = new WaitingPeriodWaived(ID, A, LocalDate.of(2028, 7, 10), "DIR-2028-041",
                                                             "installation en zone sous-dotée");
        fixture.given(e, ended).when(new WaiveWaitingPeriodCommand(ID, A, LocalDate.of(2028, 7, 10), "DIR-2028-041",
                                                                   "installation en zone sous-dotée"))
               .expectEvents(waived);
        // free from the decision's day, not before it
        assertThatThrownBy(() -> activeContracts.reserve(A, "Contract:new-a", LocalDate.of(2028, 7, 9)))
                .isInstanceOf(BusinessRuleViolation.class).extracting(CollectiveContractTest::rule)
                .isEqualTo("SECOND_ACTIVE_CONTRACT");
        assertThat(activeContracts.reserve(A, "Contract:new-a", LocalDate.of(2028, 7, 10))).isTrue();
        fixture.given(e, ended, waived).when(new WaiveWaitingPeriodCommand(ID, A, LocalDate.of(2028, 7, 11), "DIR-2",
                                                                           "x"))
               .expectException(ContractTest.violating("WAIVER_ALREADY_RECORDED"));
    }

    @Test
    void anAvenantNeverReachesBackBeforeThePreviousOneNorIntoAnEvaluatedYear() {
        CollectiveContractSigned e = signed();
        fixture.given(e).when(new ChangeCollectiveEtpCommand(ID, "AV-1", 3000, LocalDate.of(2027, 6, 1)))
               .expectSuccessfulHandlerExecution();
        CollectiveEtpChanged first = (CollectiveEtpChanged) fixture.getEventStore().readEvents(ID).asStream()
                .map(m -> m.getPayload()).filter(p -> p instanceof CollectiveEtpChanged).findFirst().orElseThrow();
        fixture.given(e, first).when(new ChangeCollectiveEtpCommand(ID, "AV-2", 2500, LocalDate.of(2027, 5, 1)))
               .expectException(ContractTest.violating("AVENANT_BEFORE_PREVIOUS"));
        // year 2 (1 April 2027 – 31 March 2028) evaluated: an avenant takes effect from 1 April 2028 at the earliest
        fixture.given(e, first).when(new EvaluateCollectiveObjectivesCommand(ID, 2, LocalDate.of(2028, 4, 15), 600,
                                                                             300))
               .expectSuccessfulHandlerExecution();
        CollectiveObjectivesEvaluated year2 = (CollectiveObjectivesEvaluated) fixture.getEventStore().readEvents(ID)
                .asStream().map(m -> m.getPayload()).filter(p -> p instanceof CollectiveObjectivesEvaluated)
                .findFirst().orElseThrow();
        fixture.given(e, first, year2).when(new ChangeCollectiveEtpCommand(ID, "AV-2", 2500, LocalDate.of(2028, 3, 1)))
               .expectException(ContractTest.violating("YEAR_ALREADY_EVALUATED"));
        fixture.given(e, first, year2).when(new ChangeCollectiveEtpCommand(ID, "AV-2", 2500, LocalDate.of(2028, 4, 1)))
               .expectSuccessfulHandlerExecution();
    }
}
