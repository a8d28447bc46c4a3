package fr.cnam.aam.payments.core.command;

import fr.cnam.aam.regulation.Payment;
import fr.cnam.aam.regulation.Reason;

import java.util.List;

/**
 * What a contract year should pay: the amount due ({@code dueCents}), the rule of the amount, the rule that lowered
 * it if one did ({@code adjustedBy}, else the amount rule), the calendar's lines and the explanation in words.
 */
record YearTarget(int year, String version, long dueCents, Reason amountRule, Reason adjustedBy,
                  List<Payment> slots, String explanation) {
}
