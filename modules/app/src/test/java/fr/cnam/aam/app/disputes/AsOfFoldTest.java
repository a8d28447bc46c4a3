package fr.cnam.aam.app.disputes;

import fr.cnam.aam.contracting.api.ContractSigned;
import fr.cnam.aam.contracting.api.ContractTerminated;
import fr.cnam.aam.employment.api.HiringProofSubmitted;
import fr.cnam.aam.payments.api.PaymentLinePlanned;
import fr.cnam.aam.payments.api.PaymentLineRevised;
import fr.cnam.aam.payments.api.PaymentLinesChanged;
import fr.cnam.aam.payments.api.PaymentOrderIssued;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The fold's edge cases, on a record written by hand: dates of effect, the last day, what an order carried. */
class AsOfFoldTest {

    private static final String CONTRACT = "Contract:fold-1";
    private static final String SCHEDULE = "Schedule:fold-1";
    private final List<RecordedEvent> record = new ArrayList<>();
    private long sequence;

    private void recorded(String stream, String at, Object payload) {
        record.add(new RecordedEvent("e" + sequence, stream, sequence++, payload.getClass().getSimpleName(),
                                     Instant.parse(at + "T10:00:00Z"), EffectiveDates.of(payload), payload, Map.of()));
    }

    private void signed() {
        recorded(CONTRACT, "2023-06-01", new ContractSigned(CONTRACT, "10000000009", "751", "75", "FULL_TIME",
                LocalDate.of(2023, 6, 1), "Assessment:fold-1", "MEDECINE_GENERALE", "P50_P70", 1300, 2000,
                LocalDate.of(2023, 6, 1), LocalDate.of(2028, 5, 31), "RA_2023", "r", 3, List.of(), false));
    }

    private AsOfView.ContractState contractOn(String date) {
        return AsOfFold.view(CONTRACT, record, LocalDate.parse(date), Instant.parse("2030-01-01T00:00:00Z"))
                       .contract();
    }

    @Test
    void aProofOfHiringHoldsFromItsSubmissionNotFromTheHiringItProves() {
        assertThat(EffectiveDates.of(new HiringProofSubmitted("Assistant:a", LocalDate.of(2020, 9, 20), true,
                                                              LocalDate.of(2020, 9, 15), List.of(CONTRACT))))
                .isEqualTo(LocalDate.of(2020, 9, 20));
    }

    @Test
    void aTerminatedContractIsInForceOnItsLastDayAndEndedAfterIt() {
        signed();
        recorded(CONTRACT, "2025-06-01", new ContractTerminated(CONTRACT, "DOCTOR", "départ",
                LocalDate.of(2025, 6, 1), LocalDate.of(2025, 8, 1), "p", "S33", "secondary", "RA_2023", "r"));
        assertThat(contractOn("2025-05-31").terminatesOn()).as("not notified yet").isNull();
        assertThat(contractOn("2025-06-15").status()).isEqualTo("ACTIVE");
        assertThat(contractOn("2025-06-15").terminatesOn()).isEqualTo(LocalDate.of(2025, 8, 1));
        assertThat(contractOn("2025-08-01").status()).as("its last day, still paid").isEqualTo("ACTIVE");
        assertThat(contractOn("2025-08-02").status()).isEqualTo("TERMINATED");
    }

    @Test
    void anOrderShowsTheAmountItCarriedEvenWhenTheRePlanBehindItTakesEffectLater() {
        signed();
        String line = SCHEDULE + ".Y3.2";
        recorded(SCHEDULE, "2023-06-01", new PaymentLinesChanged(SCHEDULE, CONTRACT, "signed",
                LocalDate.of(2023, 6, 1), List.of(new PaymentLinePlanned(SCHEDULE, CONTRACT, "751", line,
                LocalDate.of(2026, 3, 1), 1_100_000L, 3, "INSTALMENT", "p", "S33", "secondary", "a", "S1",
                "confirmed", "RA_2023", "r", "plan")), List.of(), List.of()));
        // a termination notified on 15 January 2026, effective 15 March: the schedule lowers the line at once
        recorded(SCHEDULE, "2026-01-15", new PaymentLinesChanged(SCHEDULE, CONTRACT, "TERMINATED",
                LocalDate.of(2026, 3, 15), List.of(), List.of(new PaymentLineRevised(SCHEDULE, line, 1_100_000L,
                40_000L, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1), "a", "S1", "confirmed", "RA_2023",
                "r", "termination")), List.of()));
        recorded(SCHEDULE, "2026-03-01", new PaymentOrderIssued(SCHEDULE, CONTRACT, "751", "Order:fold-1.Y3.2.1",
                line, 40_000L, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1)));
        AsOfView view = AsOfFold.view(CONTRACT, record, LocalDate.of(2026, 3, 10),
                                      Instant.parse("2030-01-01T00:00:00Z"));
        AsOfView.LineState ordered = view.lines().get(0);
        assertThat(ordered.status()).isEqualTo("ORDERED");
        assertThat(ordered.amount()).isEqualByComparingTo("400.00");
    }
}
