package fr.cnam.aam.payments.core.command;

import fr.cnam.aam.payments.api.PaymentLinePlanned;
import fr.cnam.aam.payments.api.PaymentLineRescheduled;
import fr.cnam.aam.payments.api.PlanPaymentScheduleCommand;
import fr.cnam.aam.payments.api.SetHiringDateCommand;
import fr.cnam.aam.regulation.Rulebook;
import fr.cnam.aam.regulation.Rulebooks;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentScheduleTest {

    private static final String ID = "Schedule:s-1";
    private final Rulebook shipped = Rulebook.shipped();
    private AggregateTestFixture<PaymentSchedule> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PaymentSchedule.class);
        fixture.registerInjectableResource(Rulebooks.fixed(shipped));
    }

    private List<PaymentLinePlanned> planned() {
        return fixture.getEventStore().readEvents(ID).asStream().map(m -> m.getPayload())
                      .filter(p -> p instanceof PaymentLinePlanned).map(p -> (PaymentLinePlanned) p).toList();
    }

    @Test
    void a2023FullTimeContractIsPaidYearOneInFullThenAtAnniversariesThenInHalves() {
        // §2.2 (S33): year 1 in full the month after, year 2 at the anniversary, two 50 % instalments from year 3;
        // amounts §2.1 / §3.1 (36 000, 27 000, then 22 000 € once the 2024 amounts reach the contract)
        fixture.givenNoPriorActivity()
               .when(new PlanPaymentScheduleCommand(ID, "Contract:s-1", "751", LocalDate.of(2023, 6, 1), "RA_2023",
                                                    "FULL_TIME", "P50_P70"))
               .expectSuccessfulHandlerExecution();
        List<PaymentLinePlanned> lines = planned();
        assertThat(lines.get(0).amountCents()).isEqualTo(3_600_000L);
        assertThat(lines.get(0).dueDate()).isEqualTo(LocalDate.of(2023, 7, 31));
        assertThat(lines.get(1).amountCents()).isEqualTo(2_700_000L);
        assertThat(lines.stream().filter(l -> l.contractYear() == 3)).extracting(PaymentLinePlanned::amountCents)
                .containsExactly(1_100_000L, 1_100_000L);
        assertThat(lines).extracting(PaymentLinePlanned::lineId).doesNotHaveDuplicates()
                         .allMatch(id -> id.startsWith(ID + "#"));
    }

    @Test
    void theProvenHiringDatesThe2019AdvanceOnly() {
        fixture.givenNoPriorActivity()
               .when(new PlanPaymentScheduleCommand(ID, "Contract:s-1", "751", LocalDate.of(2020, 1, 15), "AV7_2019",
                                                    "ONE_THIRD_TIME", "P50_P70"))
               .expectSuccessfulHandlerExecution();
        List<Object> history = fixture.getEventStore().readEvents(ID).asStream().map(m -> (Object) m.getPayload())
                                      .toList();
        // SEED-003: 70 % of 12 000 € = 8 400 €
        assertThat(planned().get(0).amountCents()).isEqualTo(840_000L);
        fixture.given(history)
               .when(new SetHiringDateCommand(ID, LocalDate.of(2020, 2, 1)))
               .expectEvents(new PaymentLineRescheduled(ID, ID + "#0", LocalDate.of(2020, 1, 30),
                                                        LocalDate.of(2020, 2, 16),
                                                        "hiring proven: assistant hired on 2020-02-01"));
    }
}
