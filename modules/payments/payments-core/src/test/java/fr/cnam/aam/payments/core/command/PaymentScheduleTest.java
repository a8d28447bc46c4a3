package fr.cnam.aam.payments.core.command;

import fr.cnam.aam.kernel.BusinessRuleViolation;
import fr.cnam.aam.payments.api.AnswerPaymentOrderCommand;
import fr.cnam.aam.payments.api.ChangeKind;
import fr.cnam.aam.payments.api.ContractChange;
import fr.cnam.aam.payments.api.IssuePaymentOrderCommand;
import fr.cnam.aam.payments.api.OrderOutcome;
import fr.cnam.aam.payments.api.PaymentIds;
import fr.cnam.aam.payments.api.PaymentLinePlanned;
import fr.cnam.aam.payments.api.PaymentLineRevised;
import fr.cnam.aam.payments.api.PaymentOrderIssued;
import fr.cnam.aam.payments.api.PaymentOrderPaid;
import fr.cnam.aam.payments.api.PaymentOrderRejected;
import fr.cnam.aam.payments.api.PaymentYearIndeterminate;
import fr.cnam.aam.payments.api.PlanPaymentScheduleCommand;
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
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A schedule's lines, orders and re-plans. Amounts come from regulation.md and the seeds, cited at each test;
 * the pro rata temporis of a termination or suspension is the rulebook's unverified inference (regulation.md §5).
 */
class PaymentScheduleTest {

    private static final String ID = "Schedule:s-1";
    private static final String CONTRACT = "Contract:s-1";
    private final Rulebook shipped = Rulebook.shipped();
    private AggregateTestFixture<PaymentSchedule> fixture;
    private List<Object> history = new ArrayList<>();
    private int changes;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PaymentSchedule.class);
        fixture.registerInjectableResource(Rulebooks.fixed(shipped));
    }

    /** Runs a command on the schedule as it stands and returns the events it produced. */
    private List<Object> step(Object command) {
        ScheduleStory.Step step = ScheduleStory.step(fixture, ID, history, command);
        history = step.history();
        return step.produced();
    }


    private void plan(String signedOn, String version, String option, String band) {
        step(new PlanPaymentScheduleCommand(ID, CONTRACT, "751", LocalDate.parse(signedOn), version, option, band));
    }

    private List<Object> change(ChangeKind kind, String on, Integer year, String version, Long aid, String until) {
        return step(new RecordContractChangeCommand(ID, new ContractChange("event-" + (++changes), kind,
                LocalDate.parse(on), year, version, aid, until == null ? null : LocalDate.parse(until), "test")));
    }

    /** Open and settled lines as they stand: id → amount (cents), cancelled lines left out. */
    private Map<String, Long> lines() {
        return ScheduleStory.lines(history);
    }

    private List<PaymentLinePlanned> planned() {
        return history.stream().flatMap(ScheduleStory::lineByLine).filter(PaymentLinePlanned.class::isInstance)
                      .map(PaymentLinePlanned.class::cast).toList();
    }

    private long yearTotal(int year) {
        return lines().entrySet().stream().filter(e -> e.getKey().contains(".Y" + year + "."))
                      .mapToLong(Map.Entry::getValue).sum();
    }

    private String line(int year, String slot) {
        return PaymentIds.line(ID, year, slot);
    }

    private static org.hamcrest.Matcher<Object> rule(String code) {
        return Matchers.predicate(e -> e instanceof BusinessRuleViolation v && code.equals(v.rule()));
    }

    private void orderAndPay(String lineId, String on) {
        List<Object> issued = step(new IssuePaymentOrderCommand(ID, lineId, LocalDate.parse(on)));
        String orderId = ((PaymentOrderIssued) issued.get(0)).orderId();
        step(new AnswerPaymentOrderCommand(ID, orderId, OrderOutcome.PAID, LocalDate.parse(on), "VIR-1", null));
    }

    @Test
    void a2023FullTimeContractIsPaidYearOneInFullThenAtTheAnniversaryThenInHalves() {
        // §2.2 (S33, SEED-000): year 1 in full the month after signature, year 2 at the anniversary, two 50 %
        // instalments from year 3; 36 000 / 27 000 €, then 22 000 € once the 2024 amounts reach it (year 3 starts
        // 1 June 2025, after 22 June 2024: §3.1, S1)
        plan("2023-06-01", "RA_2023", "FULL_TIME", "P50_P70");
        List<PaymentLinePlanned> lines = planned();
        assertThat(lines.get(0).lineId()).isEqualTo(line(1, "1"));
        assertThat(lines.get(0).amountCents()).isEqualTo(3_600_000L);
        assertThat(lines.get(0).dueDate()).isEqualTo(LocalDate.of(2023, 7, 31));
        assertThat(lines.get(1).amountCents()).isEqualTo(2_700_000L);
        assertThat(lines.get(1).dueDate()).isEqualTo(LocalDate.of(2024, 6, 1));
        assertThat(lines.stream().filter(l -> l.contractYear() == 3)).extracting(PaymentLinePlanned::amountCents)
                .containsExactly(1_100_000L, 1_100_000L);
        assertThat(lines).extracting(PaymentLinePlanned::lineId).doesNotHaveDuplicates();
        assertThat(lines).allSatisfy(l -> assertThat(l.source()).isNotBlank())
                         .allSatisfy(l -> assertThat(l.amountSource()).isNotBlank());
    }

    @Test
    void theTwentyTwentyFourAmountsReachA2023ContractAtItsAnniversary() {
        // §3.1 (S1, S25): +5 % for existing contracts from their next anniversary. Signed 1 Sept 2023, the first
        // anniversary (1 Sept 2024) is after 22 June 2024: year 1 keeps 36 000 €, then 28 000 and 22 000 €
        plan("2023-09-01", "RA_2023", "FULL_TIME", "P50_P70");
        assertThat(yearTotal(1)).isEqualTo(3_600_000L);
        assertThat(yearTotal(2)).isEqualTo(2_800_000L);
        assertThat(yearTotal(3)).isEqualTo(2_200_000L);
        assertThat(planned().get(1).amountParameter()).isEqualTo("aid.FULL_TIME.year2");
        assertThat(planned().get(1).amountSource()).contains("S1");
        // half time: 18 000 € then 14 000 / 11 000 € (the 2024 half-time amounts, §3.1)
        history = new ArrayList<>();
        plan("2023-09-01", "RA_2023", "HALF_TIME", "P50_P70");
        assertThat(yearTotal(1)).isEqualTo(1_800_000L);
        assertThat(yearTotal(2)).isEqualTo(1_400_000L);
        assertThat(yearTotal(5)).isEqualTo(1_100_000L);
    }

    @Test
    void the2019AdvanceIsSeventyPercentOfYearOneAndTheProvenHiringDatesIt() {
        // SEED-003: the 70 % advance is between 8 400 € (1/3 ETP) and 25 200 € (1 ETP), within 15 days (S12)
        plan("2020-01-15", "AV7_2019", "ONE_THIRD_TIME", "P50_P70");
        assertThat(lines()).containsEntry(line(1, "1"), 840_000L).containsEntry(line(1, "2"), 360_000L);
        List<Object> dated = change(ChangeKind.HIRING_PROVEN, "2020-02-01", null, null, null, null);
        assertThat(dated).hasSize(2);
        PaymentLineRevised advance = (PaymentLineRevised) dated.get(1);
        assertThat(advance.lineId()).isEqualTo(line(1, "1"));
        assertThat(advance.dueDate()).isEqualTo(LocalDate.of(2020, 2, 16));
        assertThat(advance.amountCents()).isEqualTo(840_000L);

        history = new ArrayList<>();
        plan("2020-01-15", "AV7_2019", "FULL_TIME", "P50_P70");
        assertThat(lines()).containsEntry(line(1, "1"), 2_520_000L);
    }

    @Test
    void majorationsFromYearThreeForP90ToP95AndForTheWholeContractAboveP95() {
        // SEED-004 (§1.3): P90–P95 from year 3: 25 000 € full time; > P95: 36 000 € every year of the contract
        plan("2020-01-15", "AV7_2019", "FULL_TIME", "P90_P95");
        assertThat(yearTotal(2)).isEqualTo(2_700_000L);
        assertThat(yearTotal(3)).isEqualTo(2_500_000L);
        assertThat(yearTotal(5)).isEqualTo(2_500_000L);
        history = new ArrayList<>();
        plan("2020-01-15", "AV7_2019", "FULL_TIME", "ABOVE_P95");
        for (int year = 1; year <= 5; year++) {
            assertThat(yearTotal(year)).as("year %d", year).isEqualTo(3_600_000L);
        }
        // 8 350 € for 1/3 ETP in the P90–P95 band
        history = new ArrayList<>();
        plan("2020-01-15", "AV7_2019", "ONE_THIRD_TIME", "P90_P95");
        assertThat(yearTotal(4)).isEqualTo(835_000L);
    }

    @Test
    void anAchievementBelowSeventyFivePercentLowersTheRestOfTheYearThenRecoversWhatWasPaid() {
        // year 3 of a 2023 full-time contract: 22 000 € in two instalments (S33, 2024 amounts). 60 % achieved is
        // below the 75 % of SEED-004, so the aid is pro rata: 22 000 × 60 % = 13 200 €
        plan("2023-06-01", "RA_2023", "FULL_TIME", "P50_P70");
        orderAndPay(line(3, "1"), "2025-06-01");
        List<Object> replanned = change(ChangeKind.OBJECTIVES_EVALUATED, "2025-10-01", 3, "RA_2023",
                                        1_320_000L, null);
        assertThat(replanned.get(1)).isInstanceOf(PaymentLineRevised.class);
        assertThat(lines()).containsEntry(line(3, "1"), 1_100_000L).containsEntry(line(3, "2"), 220_000L);
        assertThat(yearTotal(3)).isEqualTo(1_320_000L);

        // evaluated once both instalments are paid: 22 000 − 13 200 = 8 800 € to recover
        history = new ArrayList<>();
        plan("2023-06-01", "RA_2023", "FULL_TIME", "P50_P70");
        orderAndPay(line(3, "1"), "2025-06-01");
        orderAndPay(line(3, "2"), "2025-12-01");
        change(ChangeKind.OBJECTIVES_EVALUATED, "2026-06-15", 3, "RA_2023", 1_320_000L, null);
        assertThat(lines()).containsEntry(line(3, "A1"), -880_000L);
        PaymentLinePlanned recovery = planned().get(planned().size() - 1);
        assertThat(recovery.kind()).isEqualTo("RECOVERY");
        assertThat(recovery.dueDate()).isEqualTo(LocalDate.of(2026, 6, 15));
        assertThat(recovery.parameter()).isEqualTo("modulation.belowIsProRata");
    }

    @Test
    void aTerminationRecoversWhatWasPaidForTheDaysAfterTheContractEndedAndCancelsTheRest() {
        // year 1 (36 000 €, S33) paid in full in July 2023; the contract ends on 1 December 2023. The days after
        // it are not due (pro rata temporis: the rulebook's inference, regulation.md §5, flagged unverified)
        plan("2023-06-01", "RA_2023", "FULL_TIME", "P50_P70");
        orderAndPay(line(1, "1"), "2023-07-31");
        change(ChangeKind.TERMINATED, "2023-12-01", null, null, null, null);
        // worked by hand: year 1 runs 1 June 2023 – 31 May 2024, 366 days (29 February 2024); served 1 June –
        // 1 December 2023 = 30+31+31+30+31+30+1 = 184 days; 36 000 € × 184 / 366 = 18 098.36 € due, so
        // 36 000 − 18 098.36 = 17 901.64 € to recover
        assertThat(lines()).containsEntry(line(1, "A1"), -1_790_164L);
        assertThat(lines().keySet()).allMatch(id -> id.contains(".Y1."));
        PaymentLinePlanned recovery = planned().get(planned().size() - 1);
        assertThat(recovery.kind()).isEqualTo("RECOVERY");
        assertThat(recovery.parameter()).isEqualTo("payment.termination.proRataTemporis");
        assertThat(recovery.confidence()).isEqualTo("unverified");
    }

    @Test
    void nothingIsOrderedWhileSuspendedAndTheSuspendedDaysAreNotDue() {
        plan("2023-06-01", "RA_2023", "FULL_TIME", "P50_P70");
        change(ChangeKind.SUSPENDED, "2024-03-01", null, null, null, null);
        fixture.given(history).when(new IssuePaymentOrderCommand(ID, line(2, "1"), LocalDate.of(2024, 6, 1)))
               .expectException(rule("PAYMENTS_SUSPENDED")).expectNoEvents();
        // resumed on 1 Sept 2024: 3 months of year 1 and 3 months of year 2 suspended
        change(ChangeKind.RESUMED, "2024-09-01", null, null, null, null);
        // worked by hand: year 1 has 366 days (29 February 2024), 1 March – 31 May 2024 = 31+30+31 = 92 suspended:
        // 36 000 € × 274 / 366 = 26 950.82 €; year 2 has 365 days, 1 June – 31 August 2024 = 92 suspended:
        // 27 000 € × 273 / 365 = 20 194.52 €
        assertThat(yearTotal(1)).isEqualTo(2_695_082L);
        assertThat(yearTotal(2)).isEqualTo(2_019_452L);
        assertThat(yearTotal(3)).isEqualTo(2_200_000L);
    }

    @Test
    void ordersAndAnswersAreIdempotentAndARejectedLineIsOrderedAgainUnderANewId() {
        plan("2023-06-01", "RA_2023", "FULL_TIME", "P50_P70");
        String first = line(1, "1");
        fixture.given(history).when(new IssuePaymentOrderCommand(ID, first, LocalDate.of(2023, 7, 30)))
               .expectException(rule("NOT_YET_DUE"));
        List<Object> issued = step(new IssuePaymentOrderCommand(ID, first, LocalDate.of(2023, 7, 31)));
        String orderId = ((PaymentOrderIssued) issued.get(0)).orderId();
        assertThat(orderId).isEqualTo(PaymentIds.order(first, 1));
        assertThat(PaymentIds.scheduleOfOrder(orderId)).isEqualTo(ID);
        assertThat(step(new IssuePaymentOrderCommand(ID, first, LocalDate.of(2023, 8, 2)))).isEmpty();

        step(new AnswerPaymentOrderCommand(ID, orderId, OrderOutcome.REJECTED, LocalDate.of(2023, 8, 3), null,
                                           "IBAN invalide"));
        assertThat(step(new AnswerPaymentOrderCommand(ID, orderId, OrderOutcome.REJECTED, LocalDate.of(2023, 8, 3),
                                                      null, "IBAN invalide"))).isEmpty();
        String second = ((PaymentOrderIssued) step(new IssuePaymentOrderCommand(ID, first,
                LocalDate.of(2023, 8, 10))).get(0)).orderId();
        assertThat(second).isEqualTo(PaymentIds.order(first, 2));

        List<Object> paid = step(new AnswerPaymentOrderCommand(ID, second, OrderOutcome.PAID,
                                                               LocalDate.of(2023, 8, 12), "VIR-2", null));
        assertThat(paid).containsExactly(new PaymentOrderPaid(ID, second, first, 3_600_000L,
                                                              LocalDate.of(2023, 8, 12), "VIR-2"));
        assertThat(step(new AnswerPaymentOrderCommand(ID, second, OrderOutcome.PAID, LocalDate.of(2023, 8, 13),
                                                      "VIR-2", null))).isEmpty();
        fixture.given(history).when(new AnswerPaymentOrderCommand(ID, second, OrderOutcome.REJECTED,
                                                                  LocalDate.of(2023, 8, 14), null, "late"))
               .expectException(rule("ORDER_ALREADY_ANSWERED")).expectNoEvents();
        // the same change delivered twice re-plans once
        List<Object> once = change(ChangeKind.TERMINATED, "2023-12-01", null, null, null, null);
        assertThat(once).isNotEmpty();
        changes--;
        assertThat(change(ChangeKind.TERMINATED, "2023-12-01", null, null, null, null)).isEmpty();
        assertThat(history.stream().filter(PaymentOrderPaid.class::isInstance).count()).isEqualTo(1);
    }

    @Test
    void aSwitchToTheRuleOf2023PaysTheRemainingYearsInTwoInstalments() {
        // AV7 pays each year at its anniversary (assumed, §1.5); after an opt-in switch to RA 2023 (S33) the years
        // from the switch are paid in two 50 % instalments. Amounts are unchanged: 10 500 € a year half time
        plan("2020-01-15", "AV7_2019", "HALF_TIME", "P50_P70");
        assertThat(lines()).containsEntry(line(4, "1"), 1_050_000L).doesNotContainKey(line(4, "2"));
        change(ChangeKind.VERSION_SWITCHED, "2023-01-15", 4, "RA_2023", 1_050_000L, null);
        assertThat(lines()).containsEntry(line(4, "1"), 525_000L).containsEntry(line(4, "2"), 525_000L)
                           .containsEntry(line(3, "1"), 1_050_000L);
        Map<String, Long> total = lines().entrySet().stream().collect(Collectors.groupingBy(
                e -> e.getKey().substring(0, e.getKey().lastIndexOf('.')), Collectors.summingLong(Map.Entry::getValue)));
        assertThat(total.get(ID + ".Y5")).isEqualTo(1_050_000L);
    }

    @Test
    void aRenewalPlansTheNewTermAtTheSteadyAmount() {
        // 5 years, renewable, the aid pérenne (S12, S25): a 2023 full-time contract renewed from 1 June 2028 is due
        // the year-3-and-later amount every year of the new term, 22 000 € with the 2024 amounts (§3.1, S1)
        plan("2023-06-01", "RA_2023", "FULL_TIME", "P50_P70");
        assertThat(lines().keySet()).noneMatch(id -> id.contains(".Y6."));
        change(ChangeKind.RENEWED, "2028-06-01", null, null, null, "2033-05-31");
        for (int year = 6; year <= 10; year++) {
            assertThat(yearTotal(year)).as("year %d", year).isEqualTo(2_200_000L);
        }
        assertThat(lines()).containsKey(line(6, "2")).doesNotContainKey(line(11, "1"));
        assertThat(yearTotal(5)).isEqualTo(2_200_000L);
    }

    @Test
    void anOptionChangedByAvenantIsDueForItsDaysAndTheNextYearsInFull() {
        // AV7 amounts (S7, art. 9-5-2-2): 1/2 ETP 13 500 € in year 2, 1 ETP 27 000 € in year 2 and 21 000 € from
        // year 3. Moving to full time on 15 July 2021, inside year 2 (15 Jan 2021 – 14 Jan 2022), each option is
        // due for its days (pro rata temporis: the rulebook's unverified inference)
        plan("2020-01-15", "AV7_2019", "HALF_TIME", "P50_P70");
        step(new RecordContractChangeCommand(ID, new ContractChange("avenant-1", ChangeKind.OPTION_CHANGED,
                LocalDate.of(2021, 7, 15), null, null, null, null, "AV-1", "FULL_TIME")));
        // worked by hand: year 2 has 365 days; half time 15 January – 14 July 2021 = 17+28+31+30+31+30+14 = 181
        // days: 13 500 € × 181 / 365 = 6 694.52 €; full time the other 184 days: 27 000 € × 184 / 365 =
        // 13 610.96 €; together 20 305.48 €
        assertThat(yearTotal(2)).isEqualTo(2_030_548L);
        assertThat(yearTotal(1)).isEqualTo(1_800_000L);
        assertThat(yearTotal(3)).isEqualTo(2_100_000L);
    }

    @Test
    void aYearWhoseAmountNoSourcePublishedIsIndeterminateAndKeepsItsLines() {
        // the 2024 second-assistant options (1.5 and 2 ETP) have no published amount (§3.1): a move to 1.5 ETP
        // cannot be priced, so those years say which parameter is missing and their lines are left as they were
        plan("2024-09-01", "CONV_2024", "FULL_TIME", "P50_P70");
        Map<String, Long> before = lines();
        List<Object> events = step(new RecordContractChangeCommand(ID, new ContractChange("avenant-2",
                ChangeKind.OPTION_CHANGED, LocalDate.of(2026, 9, 1), null, null, null, null, "AV-2",
                "ONE_AND_HALF_TIME")));
        List<PaymentYearIndeterminate> indeterminate = events.stream()
                .filter(PaymentYearIndeterminate.class::isInstance).map(PaymentYearIndeterminate.class::cast)
                .toList();
        assertThat(indeterminate).extracting(PaymentYearIndeterminate::contractYear).containsExactly(3, 4, 5);
        assertThat(indeterminate.get(0).parameter()).startsWith("aid.ONE_AND_HALF_TIME");
        assertThat(lines()).isEqualTo(before);
    }

    @Test
    void aChangeWithoutWhatItChangesIsRefusedAndChangesNothing() {
        plan("2023-06-01", "RA_2023", "FULL_TIME", "P50_P70");
        fixture.given(history).when(new RecordContractChangeCommand(ID, new ContractChange("event-x",
                       ChangeKind.RENEWED, LocalDate.of(2028, 6, 1), null, null, null, null, "no end")))
               .expectException(rule("CHANGE_INCOMPLETE")).expectNoEvents();
        fixture.given(history).when(new RecordContractChangeCommand(ID, new ContractChange("event-y",
                       ChangeKind.OBJECTIVES_EVALUATED, LocalDate.of(2026, 6, 15), 3, null, null, null, "no aid")))
               .expectException(rule("CHANGE_INCOMPLETE")).expectNoEvents();
    }

    @Test
    void the2019AdvanceAndWhatFollowsItWaitForTheProofOfHiringThenTheAdvanceIsDueFifteenDaysAfterTheHiring() {
        // S12: 70 % of year 1 within 15 days after the recruitment — signed 15 January 2020, no assistant yet
        plan("2020-01-15", "AV7_2019", "ONE_THIRD_TIME", "P50_P70");
        fixture.given(history).when(new IssuePaymentOrderCommand(ID, line(1, "1"), LocalDate.of(2020, 6, 1)))
               .expectException(rule("HIRING_NOT_PROVEN")).expectNoEvents();
        // the balance and the later years wait too (payment.afterAdvance.awaitsHiringProof, inferred)
        fixture.given(history).when(new IssuePaymentOrderCommand(ID, line(2, "1"), LocalDate.of(2021, 1, 20)))
               .expectException(rule("HIRING_NOT_PROVEN")).expectNoEvents();
        // hired 1 March 2020, proven: the advance (8 400 € at 1/3 ETP, SEED-003) is due 16 March 2020
        change(ChangeKind.HIRING_PROVEN, "2020-03-01", null, null, null, null);
        fixture.given(history).when(new IssuePaymentOrderCommand(ID, line(1, "1"), LocalDate.of(2020, 3, 15)))
               .expectException(rule("NOT_YET_DUE")).expectNoEvents();
        List<Object> issued = step(new IssuePaymentOrderCommand(ID, line(1, "1"), LocalDate.of(2020, 3, 16)));
        assertThat(((PaymentOrderIssued) issued.get(0)).amountCents()).isEqualTo(840_000L);
        assertThat(((PaymentOrderIssued) issued.get(0)).dueDate()).isEqualTo(LocalDate.of(2020, 3, 16));
    }

    @Test
    void fromTwentyTwentyThreeYearOneIsPaidTheMonthAfterTheContractWithoutWaitingForAHiring() {
        // S33: year 1 in full the month after the contract — no hiring condition is stated for the payments
        plan("2023-06-01", "RA_2023", "FULL_TIME", "P50_P70");
        List<Object> issued = step(new IssuePaymentOrderCommand(ID, line(1, "1"), LocalDate.of(2023, 7, 31)));
        assertThat(((PaymentOrderIssued) issued.get(0)).amountCents()).isEqualTo(3_600_000L);
    }

    @Test
    void anAnswerCannotPrecedeItsOrder() {
        plan("2023-06-01", "RA_2023", "FULL_TIME", "P50_P70");
        String orderId = ((PaymentOrderIssued) step(new IssuePaymentOrderCommand(ID, line(1, "1"),
                LocalDate.of(2023, 8, 10))).get(0)).orderId();
        fixture.given(history).when(new AnswerPaymentOrderCommand(ID, orderId, OrderOutcome.PAID,
                                                                  LocalDate.of(2023, 8, 9), "VIR-1", null))
               .expectException(rule("ANSWER_BEFORE_ORDER")).expectNoEvents();
        fixture.given(history).when(new AnswerPaymentOrderCommand(ID, orderId, OrderOutcome.REJECTED,
                                                                  LocalDate.of(2023, 8, 9), null, "IBAN"))
               .expectException(rule("ANSWER_BEFORE_ORDER")).expectNoEvents();
        assertThat(step(new AnswerPaymentOrderCommand(ID, orderId, OrderOutcome.PAID, LocalDate.of(2023, 8, 10),
                                                      "VIR-1", null))).hasSize(1);
    }

    @Test
    void aRejectedOrderReopensItsLineAtTheAmountRecordedEvenWhenTheRulebookChangedMeanwhile() {
        // year 2 of a 2023 full-time contract: 27 000 € at the anniversary (S33)
        MutableRulebooks rulebooks = new MutableRulebooks(shipped);
        fixture = new AggregateTestFixture<>(PaymentSchedule.class);
        fixture.registerInjectableResource(rulebooks);
        plan("2023-06-01", "RA_2023", "FULL_TIME", "P50_P70");
        String orderId = ((PaymentOrderIssued) step(new IssuePaymentOrderCommand(ID, line(2, "1"),
                LocalDate.of(2024, 6, 1))).get(0)).orderId();
        // while the order is out, a caisse revision (a made-up correction) changes the year-2 amount
        rulebooks.current = shipped.revise("test-correction", Map.of("aid.FULL_TIME.year2", List.of(
                new ParameterValue(RegulatoryVersion.RA_2023, LocalDate.of(2023, 5, 1),
                                   com.fasterxml.jackson.databind.node.LongNode.valueOf(3_000_000L), "test",
                                   Confidence.UNVERIFIED))));
        List<Object> rejected = step(new AnswerPaymentOrderCommand(ID, orderId, OrderOutcome.REJECTED,
                                                                   LocalDate.of(2024, 6, 5), null, "IBAN invalide"));
        assertThat(rejected).singleElement().isInstanceOf(PaymentOrderRejected.class);
        assertThat(lines()).containsEntry(line(2, "1"), 2_700_000L);
        List<Object> again = step(new IssuePaymentOrderCommand(ID, line(2, "1"), LocalDate.of(2024, 6, 10)));
        assertThat(((PaymentOrderIssued) again.get(0)).amountCents()).isEqualTo(2_700_000L);
    }

    /** The revision in force can change between two commands, as a caisse publishes one. */
    private static final class MutableRulebooks implements Rulebooks {
        Rulebook current;

        MutableRulebooks(Rulebook current) {
            this.current = current;
        }

        @Override
        public Rulebook current() {
            return current;
        }

        @Override
        public java.util.Optional<Rulebook> revision(String name) {
            return java.util.Optional.of(current).filter(r -> r.revision().equals(name));
        }
    }
}
