package fr.cnam.aam.payments.core.command;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import fr.cnam.aam.kernel.BusinessRuleViolation;
import fr.cnam.aam.payments.api.AnswerPaymentOrderCommand;
import fr.cnam.aam.payments.api.ChangeKind;
import fr.cnam.aam.payments.api.CollectiveAidChanged;
import fr.cnam.aam.payments.api.CollectivePaymentSchedulePlanned;
import fr.cnam.aam.payments.api.ContractChange;
import fr.cnam.aam.payments.api.IssuePaymentOrderCommand;
import fr.cnam.aam.payments.api.OrderOutcome;
import fr.cnam.aam.payments.api.PaymentIds;
import fr.cnam.aam.payments.api.PaymentLinePlanned;
import fr.cnam.aam.payments.api.PaymentOrderIssued;
import fr.cnam.aam.payments.api.PaymentYearIndeterminate;
import fr.cnam.aam.payments.api.PlanCollectivePaymentScheduleCommand;
import fr.cnam.aam.payments.api.RecordCollectiveAidChangeCommand;
import fr.cnam.aam.payments.api.RecordContractChangeCommand;
import fr.cnam.aam.regulation.Confidence;
import fr.cnam.aam.regulation.ParameterValue;
import fr.cnam.aam.regulation.RegulatoryVersion;
import fr.cnam.aam.regulation.Rulebook;
import fr.cnam.aam.regulation.Rulebooks;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The payments to a group's company for its collective contract (regulation.md §3b, S38 quoting ameli S39): a group
 * of 3 GPs financing 2 ETP is due 38 000 € per ETP in year 1, 28 000 € in year 2 and 22 000 € from year 3, i.e.
 * 76 000 / 56 000 / 44 000 €. The calendar (one payment on the day that opens each year), the pro rata temporis of
 * an ETP avenant and of a termination are the rulebook's `unverified` inferences; the expected figures below are
 * worked by hand in the comments.
 */
class CollectivePaymentScheduleTest {

    private static final String CONTRACT = "CollectiveContract:g-1";
    private static final String ID = PaymentIds.schedule(CONTRACT);
    private static final LocalDate SIGNED = LocalDate.of(2026, 4, 1);
    /** The aid the contract recorded for 2 ETP, years 1 to 5 (S38: 38 000, 28 000, then 22 000 € per ETP). */
    private static final List<Long> TWO_ETP = List.of(7_600_000L, 5_600_000L, 4_400_000L, 4_400_000L, 4_400_000L);
    /** For 3 ETP: 114 000, 84 000, then 66 000 €. */
    private static final List<Long> THREE_ETP = List.of(11_400_000L, 8_400_000L, 6_600_000L, 6_600_000L,
                                                        6_600_000L);

    private final Rulebook shipped = Rulebook.shipped();
    private AggregateTestFixture<PaymentSchedule> fixture;
    private List<Object> history = new ArrayList<>();

    @BeforeEach
    void setUp() {
        use(shipped);
    }

    private void use(Rulebook rulebook) {
        fixture = new AggregateTestFixture<>(PaymentSchedule.class);
        fixture.registerInjectableResource(Rulebooks.fixed(rulebook));
    }

    /** Runs a command on the schedule as it stands and returns the events it produced. */
    private List<Object> step(Object command) {
        ScheduleStory.Step step = ScheduleStory.step(fixture, ID, history, command);
        history = step.history();
        return step.produced();
    }


    private void plan() {
        step(new PlanCollectivePaymentScheduleCommand(ID, CONTRACT, "751", SIGNED, "COLLECTIVE_2026", 2000,
                                                      TWO_ETP));
    }

    /** Open and settled lines as they stand: id → amount (cents), cancelled lines left out. */
    private Map<String, Long> lines() {
        return ScheduleStory.lines(history);
    }

    private long yearTotal(int year) {
        return lines().entrySet().stream().filter(e -> e.getKey().contains(".Y" + year + "."))
                      .mapToLong(Map.Entry::getValue).sum();
    }

    private String line(int year, String slot) {
        return PaymentIds.line(ID, year, slot);
    }

    private void orderAndPay(String lineId, String on) {
        String orderId = ((PaymentOrderIssued) step(new IssuePaymentOrderCommand(ID, lineId, LocalDate.parse(on)))
                .get(0)).orderId();
        step(new AnswerPaymentOrderCommand(ID, orderId, OrderOutcome.PAID, LocalDate.parse(on), "VIR-" + lineId,
                                           null));
    }

    private static org.hamcrest.Matcher<Object> rule(String code) {
        return Matchers.predicate(e -> e instanceof BusinessRuleViolation v && code.equals(v.rule()));
    }

    @Test
    void aGroupFinancingTwoEtpIsPaidEachYearsAidOnTheDayThatOpensIt() {
        plan();
        assertThat(history.get(0)).isInstanceOfSatisfying(CollectivePaymentSchedulePlanned.class, p -> {
            assertThat(p.contractYears()).isEqualTo(5);
            assertThat(p.rulebookRevision()).isEqualTo(shipped.revision());
        });
        // S38: 2 × 38 000 = 76 000 €, 2 × 28 000 = 56 000 €, then 2 × 22 000 = 44 000 € each year
        assertThat(lines()).containsExactly(Map.entry(line(1, "1"), 7_600_000L), Map.entry(line(2, "1"), 5_600_000L),
                Map.entry(line(3, "1"), 4_400_000L), Map.entry(line(4, "1"), 4_400_000L),
                Map.entry(line(5, "1"), 4_400_000L));
        List<PaymentLinePlanned> planned = history.stream().flatMap(ScheduleStory::lineByLine)
                                                  .filter(PaymentLinePlanned.class::isInstance)
                                                  .map(PaymentLinePlanned.class::cast).toList();
        assertThat(planned).extracting(PaymentLinePlanned::dueDate).containsExactly(LocalDate.of(2026, 4, 1),
                LocalDate.of(2027, 4, 1), LocalDate.of(2028, 4, 1), LocalDate.of(2029, 4, 1),
                LocalDate.of(2030, 4, 1));
        assertThat(planned).allSatisfy(p -> {
            assertThat(p.contractId()).isEqualTo(CONTRACT);
            assertThat(p.regulatoryVersion()).isEqualTo("COLLECTIVE_2026");
            // the calendar is not stated by S38: flagged so, on every line
            assertThat(p.parameter()).isEqualTo("collective.payment.calendar");
            assertThat(p.confidence()).isEqualTo("unverified");
            assertThat(p.amountConfidence()).isEqualTo("secondary");
        });
        assertThat(planned.get(0).amountParameter()).isEqualTo("collective.aid.perEtp.year1");
        assertThat(planned.get(4).amountParameter()).isEqualTo("collective.aid.perEtp.year3");
        // no hiring condition is stated (as for the individual contract since RA 2023, S33): ordered at once
        assertThat(step(new IssuePaymentOrderCommand(ID, line(1, "1"), SIGNED))).singleElement()
                .isInstanceOf(PaymentOrderIssued.class);
    }

    @Test
    void anEtpAvenantDuringAYearPaysEachEtpForItsDaysAndTheLaterYearsAtTheNewEtp() {
        plan();
        orderAndPay(line(1, "1"), "2026-04-01");
        orderAndPay(line(2, "1"), "2027-04-01");
        // avenant to 3 ETP from 1 Oct 2027, in year 2 (1 Apr 2027 – 31 Mar 2028: 366 days, 29 Feb 2028 in it):
        // 183 days at 2 ETP (1 Apr – 30 Sep) and 183 days at 3 ETP (1 Oct – 31 Mar)
        // = 56 000 × 183/366 + 84 000 × 183/366 = 28 000 + 42 000 = 70 000 €; 56 000 € were paid: +14 000 €
        List<Object> changed = step(new RecordCollectiveAidChangeCommand(ID, "event-etp", LocalDate.of(2027, 10, 1),
                                                                        3000, THREE_ETP, "AV-1"));
        assertThat(changed.get(0)).isInstanceOf(CollectiveAidChanged.class);
        assertThat(yearTotal(2)).isEqualTo(7_000_000L);
        assertThat(lines()).containsEntry(line(2, "A1"), 1_400_000L);
        assertThat(changed).filteredOn(PaymentLinePlanned.class::isInstance).map(PaymentLinePlanned.class::cast)
                .singleElement().satisfies(complement -> {
                    assertThat(complement.kind()).isEqualTo("COMPLEMENT");
                    assertThat(complement.dueDate()).isEqualTo(LocalDate.of(2027, 10, 1));
                    assertThat(complement.parameter()).isEqualTo("collective.payment.etpChange.proRataTemporis");
                });
        // years 3 to 5 at 3 ETP: 3 × 22 000 = 66 000 €
        assertThat(yearTotal(3)).isEqualTo(6_600_000L);
        assertThat(yearTotal(5)).isEqualTo(6_600_000L);
        // year 1, paid, is not touched
        assertThat(yearTotal(1)).isEqualTo(7_600_000L);
        // the same avenant delivered again changes nothing
        assertThat(step(new RecordCollectiveAidChangeCommand(ID, "event-etp", LocalDate.of(2027, 10, 1), 3000,
                                                             THREE_ETP, "AV-1"))).isEmpty();
    }

    @Test
    void anEvaluatedYearIsPaidItsModulatedAidAndATerminationOnlyTheDaysServed() {
        plan();
        // year 3 evaluated at 87.5 % of the collective objectives: 44 000 € → 38 500 € (the contract's figure)
        step(new RecordContractChangeCommand(ID, new ContractChange("event-eval", ChangeKind.OBJECTIVES_EVALUATED,
                LocalDate.of(2029, 4, 15), 3, "COLLECTIVE_2026", 3_850_000L, null, "objectives")));
        assertThat(yearTotal(3)).isEqualTo(3_850_000L);
        orderAndPay(line(4, "1"), "2029-04-01");
        // terminated with effect on 30 Jun 2029, in year 4 (1 Apr 2029 – 31 Mar 2030, 365 days): 91 days served
        // (30 in April, 31 in May, 30 in June) → 44 000 × 91/365 = 10 969.863… = 10 969.86 €; 44 000 € were paid:
        // 33 030.14 € recovered; year 5 is no longer due
        step(new RecordContractChangeCommand(ID, new ContractChange("event-end", ChangeKind.TERMINATED,
                LocalDate.of(2029, 6, 30), null, null, null, null, "ended by GROUP")));
        assertThat(yearTotal(4)).isEqualTo(1_096_986L);
        assertThat(lines()).containsEntry(line(4, "A1"), -3_303_014L).doesNotContainKey(line(5, "1"));
        assertThat(yearTotal(3)).as("the evaluated year stays as evaluated").isEqualTo(3_850_000L);
    }

    @Test
    void aTerminationAfterAnEtpAvenantPaysEachEtpOnlyForItsDaysServed() {
        plan();
        orderAndPay(line(2, "1"), "2027-04-01");
        // avenant to 3 ETP from 1 Oct 2027, then the contract ends on 31 Dec 2027, in year 2 (1 Apr 2027 –
        // 31 Mar 2028, 366 days):
        // 183 days at 2 ETP (1 Apr – 30 Sep) → 56 000 × 183/366 = 28 000 €, then 92 days at 3 ETP (1 Oct – 31 Dec)
        // → 84 000 × 92/366 = 21 114.754… = 21 114.75 €; due 49 114.75 €, 56 000 € paid: 6 885.25 € recovered
        step(new RecordCollectiveAidChangeCommand(ID, "event-etp", LocalDate.of(2027, 10, 1), 3000, THREE_ETP,
                                                  "AV-1"));
        step(new RecordContractChangeCommand(ID, new ContractChange("event-end", ChangeKind.TERMINATED,
                LocalDate.of(2027, 12, 31), null, null, null, null, "ended by CAISSE")));
        assertThat(yearTotal(2)).isEqualTo(4_911_475L);
        // the avenant's complement (A1, +14 000 €, not yet ordered) gives way to the recovery
        assertThat(lines()).containsEntry(line(2, "A2"), -688_525L).doesNotContainKey(line(2, "A1"));
        assertThat(yearTotal(3)).isZero();
    }

    @Test
    void anEvaluationAppliesItsRateToTheYearAsPaidForEachEtpNotToTheAidOfItsFirstDay() {
        plan();
        // avenant to 3 ETP from 1 Oct 2028, in year 3 (1 Apr 2028 – 31 Mar 2029, 365 days): 183 days at 2 ETP
        // (1 Apr – 30 Sep) → 44 000 × 183/365 = 22 060.273… = 22 060.27 €, 182 days at 3 ETP → 66 000 × 182/365
        // = 32 909.589… = 32 909.59 €; year 3 = 54 969.86 €
        step(new RecordCollectiveAidChangeCommand(ID, "event-etp", LocalDate.of(2028, 10, 1), 3000, THREE_ETP,
                                                  "AV-1"));
        assertThat(yearTotal(3)).isEqualTo(5_496_986L);
        // the contract evaluates year 3 on the terms at its start (2 ETP): 44 000 € → 38 500 € (87.5 %); the same
        // rate on what the year is due: 54 969.86 × 38 500 / 44 000 = 48 098.6275 = 48 098.63 €
        step(new RecordContractChangeCommand(ID, new ContractChange("event-eval", ChangeKind.OBJECTIVES_EVALUATED,
                LocalDate.of(2029, 4, 15), 3, "COLLECTIVE_2026", 3_850_000L, null, "objectives")));
        assertThat(yearTotal(3)).isEqualTo(4_809_863L);
        // a year evaluated in full (100 %: year 4's aid at 3 ETP, 66 000 €) keeps what its ETP are due
        step(new RecordContractChangeCommand(ID, new ContractChange("event-eval-2", ChangeKind.OBJECTIVES_EVALUATED,
                LocalDate.of(2030, 4, 15), 4, "COLLECTIVE_2026", 6_600_000L, null, "objectives")));
        assertThat(yearTotal(4)).as("year 4 wholly at 3 ETP").isEqualTo(6_600_000L);
    }

    @Test
    void anAvenantWithAMissingYearsAidIsRefused() {
        plan();
        List<Long> holed = new ArrayList<>(THREE_ETP);
        holed.set(2, null);
        fixture.given(history).when(new RecordCollectiveAidChangeCommand(ID, "event-z", LocalDate.of(2026, 6, 1),
                                                                          3000, holed, "holed"))
               .expectException(rule("CHANGE_INCOMPLETE")).expectNoEvents();
    }

    @Test
    void whatDoesNotHappenToACollectiveContractIsRefusedByItsRule() {
        plan();
        fixture.given(history).when(new RecordContractChangeCommand(ID, new ContractChange("event-x",
                        ChangeKind.OPTION_CHANGED, LocalDate.of(2026, 6, 1), null, null, null, null, "x",
                        "HALF_TIME")))
               .expectException(rule("CHANGE_NOT_COLLECTIVE")).expectNoEvents();
        fixture.given(history).when(new RecordCollectiveAidChangeCommand(ID, "event-y", LocalDate.of(2026, 6, 1),
                                                                          3000, List.of(1L), "short"))
               .expectException(rule("CHANGE_INCOMPLETE")).expectNoEvents();
        fixture.givenNoPriorActivity().when(new PlanCollectivePaymentScheduleCommand(ID, CONTRACT, "751", SIGNED,
                                                                                       "COLLECTIVE_2026", 0, TWO_ETP))
               .expectException(rule("PLAN_INCOMPLETE")).expectNoEvents();
    }

    @Test
    void aCalendarThisReleaseDoesNotKnowLeavesTheYearsUndeterminedRatherThanGuessed() {
        use(shipped.revise("test-calendar", Map.of("collective.payment.calendar", List.of(new ParameterValue(
                RegulatoryVersion.COLLECTIVE_2026, LocalDate.of(2026, 2, 25), TextNode.valueOf("MONTHLY"), "test",
                Confidence.UNVERIFIED)))));
        plan();
        assertThat(lines()).isEmpty();
        assertThat(history).filteredOn(PaymentYearIndeterminate.class::isInstance).hasSize(5)
                .allSatisfy(e -> assertThat(((PaymentYearIndeterminate) e).parameter())
                        .isEqualTo("collective.payment.calendar"));
    }

    @Test
    void whenACaisseMakesThePaymentsWaitForAHiringTheyWaitForItsProof() {
        use(shipped.revise("test-hiring", Map.of("collective.payment.awaitsHiringProof", List.of(new ParameterValue(
                RegulatoryVersion.COLLECTIVE_2026, LocalDate.of(2026, 2, 25), BooleanNode.TRUE, "test",
                Confidence.UNVERIFIED)))));
        plan();
        fixture.given(history).when(new IssuePaymentOrderCommand(ID, line(1, "1"), SIGNED))
               .expectException(rule("HIRING_NOT_PROVEN")).expectNoEvents();
        step(new RecordContractChangeCommand(ID, new ContractChange("event-hired", ChangeKind.HIRING_PROVEN,
                LocalDate.of(2026, 5, 4), null, null, null, null, "assistant hired")));
        assertThat(step(new IssuePaymentOrderCommand(ID, line(1, "1"), LocalDate.of(2026, 5, 4)))).singleElement()
                .isInstanceOf(PaymentOrderIssued.class);
    }

    @Test
    void aCollectiveContractsScheduleLinesAndOrdersNeverMeetAnIndividualContractsOfTheSameName() {
        assertThat(ID).isEqualTo("Schedule:collective:g-1").isNotEqualTo(PaymentIds.schedule("Contract:g-1"));
        String order = PaymentIds.order(PaymentIds.line(ID, 2, "1"), 1);
        assertThat(PaymentIds.scheduleOfOrder(order)).isEqualTo(ID);
        assertThat(PaymentIds.lineOfOrder(order)).isEqualTo(PaymentIds.line(ID, 2, "1"));
        assertThat(PaymentIds.contractOfSchedule(ID)).isEqualTo(CONTRACT);
        assertThat(PaymentIds.contractOfSchedule(PaymentIds.schedule("Contract:g-1"))).isEqualTo("Contract:g-1");
    }
}
