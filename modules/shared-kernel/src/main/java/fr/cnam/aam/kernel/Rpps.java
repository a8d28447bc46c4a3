package fr.cnam.aam.kernel;

/**
 * A doctor's RPPS number: 11 digits, the last one a Luhn check digit over the first ten.
 */
public record Rpps(String value) {

    public Rpps {
        if (!isValid(value)) {
            throw new BusinessRuleViolation("RPPS_INVALID",
                    "An RPPS number has 11 digits and ends with its Luhn check digit; got '" + value + "'");
        }
    }

    /** The RPPS number made of these 10 digits and their Luhn check digit. */
    public static Rpps withCheckDigit(String tenDigits) {
        if (tenDigits == null || tenDigits.length() != 10 || !tenDigits.chars().allMatch(Character::isDigit)) {
            throw new BusinessRuleViolation("RPPS_INVALID", "an RPPS number starts with 10 digits");
        }
        for (int check = 0; check <= 9; check++) {
            if (isValid(tenDigits + check)) {
                return new Rpps(tenDigits + check);
            }
        }
        throw new IllegalStateException("no Luhn check digit for " + tenDigits);
    }

    public static boolean isValid(String value) {
        if (value == null || value.length() != 11 || !value.chars().allMatch(Character::isDigit)) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 11; i++) {
            int digit = value.charAt(10 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    @Override
    public String toString() {
        return value;
    }
}
