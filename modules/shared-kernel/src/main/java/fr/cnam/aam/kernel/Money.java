package fr.cnam.aam.kernel;

import java.math.BigDecimal;

/** An amount in euro cents: money is never a floating-point number here. */
public record Money(long cents) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);

    public static Money euros(long euros) {
        return new Money(Math.multiplyExact(euros, 100L));
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(cents, other.cents));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(cents, other.cents));
    }

    /** Euros with two decimals, the form money takes in JSON. */
    public BigDecimal toEuros() {
        return BigDecimal.valueOf(cents, 2);
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(cents, other.cents);
    }
}
