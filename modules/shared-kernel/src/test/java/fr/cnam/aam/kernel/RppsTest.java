package fr.cnam.aam.kernel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RppsTest {

    @Test
    void acceptsElevenDigitsWithAValidLuhnCheckDigit() {
        // the textbook Luhn example: payload 7992739871, check digit 3
        assertThat(Rpps.isValid("79927398713")).isTrue();
        // payload 1000000000: the leading 1 sits at an odd place from the right, is not doubled, so the check digit is 9
        assertThat(Rpps.isValid("10000000009")).isTrue();
    }

    @Test
    void rejectsAWrongCheckDigitTheWrongLengthAndNonDigits() {
        assertThat(Rpps.isValid("10000000008")).isFalse();
        assertThat(Rpps.isValid("79927398710")).isFalse();
        assertThat(Rpps.isValid("1000000009")).isFalse();
        assertThat(Rpps.isValid("1000000000A")).isFalse();
        assertThat(Rpps.isValid(null)).isFalse();
        assertThatThrownBy(() -> new Rpps("12345678901"))
                .isInstanceOf(BusinessRuleViolation.class)
                .extracting(e -> ((BusinessRuleViolation) e).rule()).isEqualTo("RPPS_INVALID");
    }

    @Test
    void theCheckDigitIsComputedFromTheFirstTen() {
        // the same textbook examples as above
        assertThat(Rpps.withCheckDigit("7992739871").value()).isEqualTo("79927398713");
        assertThat(Rpps.withCheckDigit("1000000000").value()).isEqualTo("10000000009");
    }
}
