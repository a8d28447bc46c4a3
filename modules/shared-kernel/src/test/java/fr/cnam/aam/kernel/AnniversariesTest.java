package fr.cnam.aam.kernel;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** A contract signed on 29 February 2024: its years turn on 28 February, and on 29 February in 2028. */
class AnniversariesTest {

    private static final LocalDate LEAP_DAY = LocalDate.of(2024, 2, 29);

    @Test
    void aLeapDayStartHasAnAnniversaryEveryYear() {
        assertThat(Anniversaries.nth(LEAP_DAY, 1)).isEqualTo(LocalDate.of(2025, 2, 28));
        assertThat(Anniversaries.nth(LEAP_DAY, 4)).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(Anniversaries.isAnniversary(LEAP_DAY, LocalDate.of(2025, 2, 28))).isTrue();
        assertThat(Anniversaries.isAnniversary(LEAP_DAY, LocalDate.of(2028, 2, 29))).isTrue();
        assertThat(Anniversaries.isAnniversary(LEAP_DAY, LocalDate.of(2028, 2, 28))).isFalse();
        assertThat(Anniversaries.isAnniversary(LEAP_DAY, LocalDate.of(2025, 3, 1))).isFalse();
        assertThat(Anniversaries.isAnniversary(LEAP_DAY, LEAP_DAY)).isFalse();
    }

    @Test
    void theContractYearTurnsOnTheAnniversary() {
        assertThat(Anniversaries.yearOf(LEAP_DAY, LEAP_DAY)).isEqualTo(1);
        assertThat(Anniversaries.yearOf(LEAP_DAY, LocalDate.of(2024, 2, 28))).isEqualTo(0); // before the start
        assertThat(Anniversaries.yearOf(LEAP_DAY, LocalDate.of(2025, 2, 27))).isEqualTo(1);
        assertThat(Anniversaries.yearOf(LEAP_DAY, LocalDate.of(2025, 2, 28))).isEqualTo(2);
        assertThat(Anniversaries.yearOf(LEAP_DAY, LocalDate.of(2028, 2, 28))).isEqualTo(4);
        assertThat(Anniversaries.yearOf(LEAP_DAY, LocalDate.of(2028, 2, 29))).isEqualTo(5);
        LocalDate ordinary = LocalDate.of(2023, 6, 1);
        assertThat(Anniversaries.yearOf(ordinary, LocalDate.of(2024, 5, 31))).isEqualTo(1);
        assertThat(Anniversaries.yearOf(ordinary, LocalDate.of(2024, 6, 1))).isEqualTo(2);
    }
}
