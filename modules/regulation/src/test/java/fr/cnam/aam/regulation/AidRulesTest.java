package fr.cnam.aam.regulation;

import fr.cnam.aam.kernel.BusinessRuleViolation;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Figures from regulation.md and the seeds, in cents. */
class AidRulesTest {

    private final Rulebook rulebook = Rulebook.shipped();

    private AidSimulation simulate(String signedOn, String option, String band, Long monthlyCostCents) {
        return AidRules.simulate(new AidRequest(LocalDate.parse(signedOn), null, option, band, null,
                                                monthlyCostCents), rulebook);
    }

    @Test
    void seed000FullTimeIn2023WithAnAssistantCosting2388EurosAMonth() {
        // worked example 1: 36 000 / 27 000 € in years 1-2; cost 28 656 €/year; net +7 344 then −1 656.
        // The seed (June 2023) predates the 2024 convention: its year 3 (21 000 €, net −7 656) now starts on
        // 1 June 2025, after 22 June 2024, so it takes the 2024 amount of §3.1 (22 000 €, net −6 656).
        AidSimulation s = simulate("2023-06-01", "FULL_TIME", "P70_P90", 238_800L);
        assertThat(s.regulatoryVersion()).isEqualTo(RegulatoryVersion.RA_2023);
        assertThat(s.years()).extracting(AidYear::aidCents)
                .containsExactly(3_600_000L, 2_700_000L, 2_200_000L, 2_200_000L, 2_200_000L);
        assertThat(s.years().get(0).employerCostCents()).isEqualTo(2_865_600L);
        assertThat(s.years()).extracting(AidYear::netCostCents).startsWith(-734_400L, 165_600L, 665_600L);
        // under the RA 2023 amounts alone, year 3 is the seed's 21 000 € (a contract signed and ended before 2024
        // anniversaries cannot exist, so check the RA parameter itself)
        assertThat(rulebook.resolve("aid.FULL_TIME.year3", RegulatoryVersion.RA_2023, LocalDate.of(2025, 6, 1))
                           .asLong()).isEqualTo(2_100_000L);
    }

    @Test
    void the2019AdvanceIs70PercentOfYearOne() {
        // worked example 3, SEED-003: between 8 400 € (1/3 ETP) and 25 200 € (1 ETP), within 15 days of hiring
        AidSimulation third = AidRules.simulate(new AidRequest(LocalDate.of(2020, 1, 15), null, "ONE_THIRD_TIME",
                "P50_P70", LocalDate.of(2020, 2, 1), null), rulebook);
        assertThat(third.payments().get(0).amountCents()).isEqualTo(840_000L);
        assertThat(third.payments().get(0).dueDate()).isEqualTo(LocalDate.of(2020, 2, 16));
        assertThat(third.payments().get(1).amountCents()).isEqualTo(1_200_000L - 840_000L);
        AidSimulation full = simulate("2020-01-15", "FULL_TIME", "P50_P70", null);
        assertThat(full.payments().get(0).amountCents()).isEqualTo(2_520_000L);
    }

    @Test
    void majorationsFromYearThreeAndAboveP95ForTheWholeContract() {
        // worked example 5, SEED-004: P90–P95 8 350 / 12 500 / 25 000 €; > P95 12 000 / 18 000 / 36 000 €
        assertThat(simulate("2020-01-15", "ONE_THIRD_TIME", "P90_P95", null).years()).extracting(AidYear::aidCents)
                .startsWith(1_200_000L, 900_000L, 835_000L);
        assertThat(simulate("2020-01-15", "HALF_TIME", "P90_P95", null).years().get(2).aidCents())
                .isEqualTo(1_250_000L);
        assertThat(simulate("2020-01-15", "FULL_TIME", "P90_P95", null).years().get(2).aidCents())
                .isEqualTo(2_500_000L);
        assertThat(simulate("2020-01-15", "HALF_TIME", "ABOVE_P95", null).years()).extracting(AidYear::aidCents)
                .startsWith(1_800_000L, 1_800_000L, 1_800_000L);
    }

    @Test
    void the2024AmountsReachA2023ContractAtItsAnniversary() {
        // §3.1: 38 000 / 28 000 / 22 000 € for 1 ETP, applied to existing contracts from their next anniversary:
        // signed 1 July 2023, the anniversary of 1 July 2024 falls after 22 June 2024
        AidSimulation s = simulate("2023-07-01", "FULL_TIME", "P50_P70", null);
        assertThat(s.years()).extracting(AidYear::aidCents)
                .containsExactly(3_600_000L, 2_800_000L, 2_200_000L, 2_200_000L, 2_200_000L);
        assertThat(s.years().get(0).amountsOf()).isEqualTo(RegulatoryVersion.RA_2023);
        assertThat(s.years().get(1).amountsOf()).isEqualTo(RegulatoryVersion.CONV_2024);
        // signed 1 June 2023: its anniversary of 1 June 2024 comes before 22 June, so year 2 keeps 27 000 €
        assertThat(simulate("2023-06-01", "FULL_TIME", "P50_P70", null).years().get(1).aidCents())
                .isEqualTo(2_700_000L);
        // signed after 22 June 2024: 2024 amounts from year 1 (19 000 / 14 000 / 11 000 € for 1/2 ETP)
        assertThat(simulate("2024-09-01", "HALF_TIME", "P50_P70", null).years()).extracting(AidYear::aidCents)
                .startsWith(1_900_000L, 1_400_000L, 1_100_000L);
    }

    @Test
    void from2023YearOneIsPaidInFullTheMonthAfterAndYearThreeInTwoHalves() {
        // §2.2 (S33, secondary): year 1 in the month following the contract, year 2 at the anniversary, then 2 × 50 %
        AidSimulation s = simulate("2023-06-01", "FULL_TIME", "P50_P70", null);
        assertThat(s.payments().get(0).amountCents()).isEqualTo(3_600_000L);
        assertThat(s.payments().get(0).dueDate()).isEqualTo(LocalDate.of(2023, 7, 31));
        assertThat(s.payments().get(1).dueDate()).isEqualTo(LocalDate.of(2024, 6, 1));
        assertThat(s.payments()).filteredOn(p -> p.year() == 3).extracting(Payment::amountCents)
                .containsExactly(1_100_000L, 1_100_000L); // year 3 from 1 June 2025: 22 000 € (§3.1) in halves
        assertThat(s.payments().get(0).rule().confidence()).isEqualTo(Confidence.SECONDARY);
    }

    @Test
    void theOneThirdOptionIsClosedFromMay2023() {
        // §2.1, S1: "ne peut plus être souscrite depuis le 1er mai 2023"
        assertThatThrownBy(() -> simulate("2023-06-01", "ONE_THIRD_TIME", "P50_P70", null))
                .isInstanceOf(BusinessRuleViolation.class);
    }

    @Test
    void the2024CalendarIsTheRaOneFlaggedUnverified() {
        // §4: 2024 calendar not published ("probably as RA" [I]); year 2 at the anniversary is confirmed (S26)
        AidSimulation s = simulate("2024-09-01", "HALF_TIME", "P50_P70", null);
        assertThat(s.payments().get(0).amountCents()).isEqualTo(1_900_000L);
        assertThat(s.payments().get(0).dueDate()).isEqualTo(LocalDate.of(2024, 10, 31));
        assertThat(s.payments().get(0).rule().confidence()).isEqualTo(Confidence.UNVERIFIED);
        assertThat(s.payments().get(1).rule().confidence()).isEqualTo(Confidence.CONFIRMED);
        assertThat(s.usesUnverifiedValues()).isTrue();
    }

    @Test
    void theAmountsOfASecondAssistantAreNotPublished() {
        // §3.3: "Amounts of the 1.5 / 2 ETP options: [?]": the answer names the missing parameter
        assertThatThrownBy(() -> simulate("2024-09-01", "ONE_AND_HALF_TIME", "P50_P70", null))
                .isInstanceOf(MissingParameter.class).hasMessageContaining("aid.ONE_AND_HALF_TIME.year1");
        // and before the 2024 convention the option does not exist
        assertThatThrownBy(() -> simulate("2023-09-01", "TWO_FULL_TIME", "P50_P70", null))
                .isInstanceOf(BusinessRuleViolation.class);
    }
}
