package fr.cnam.aam.payments.api;

import fr.cnam.aam.kernel.TypedId;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Identifiers that come out the same however often they are computed. A contract "Contract:x" has the schedule
 * "Schedule:x" (a collective contract "CollectiveContract:x", "Schedule:collective:x"); its lines are "Schedule:x.Y{year}.{slot}" (slot 1, 2… in the calendar, A1, A2… for complements and
 * recoveries); the n-th order of a line is "Order:x.Y{year}.{slot}.{n}". Read from the end, so x may hold dots.
 */
public final class PaymentIds {

    private static final Pattern ORDER = Pattern.compile("Order:(.+)\\.Y(\\d{1,3})\\.(A?\\d{1,3})\\.\\d{1,4}");

    private static final String COLLECTIVE = "CollectiveContract:";

    private PaymentIds() {
    }

    public static String schedule(String contractId) {
        // a collective contract's schedule is "Schedule:collective:x": a ':' no contract id holds after its prefix,
        // so "Contract:x" and "CollectiveContract:x" never share a schedule, a line or an order
        return "Schedule:" + (TypedId.isOf("CollectiveContract", contractId) ? "collective:" : "") + suffix(contractId);
    }

    /** The contract a schedule pays: "Schedule:x" → "Contract:x", "Schedule:collective:x" → "CollectiveContract:x". */
    public static String contractOfSchedule(String scheduleId) {
        String rest = suffix(scheduleId);
        return rest.startsWith("collective:") ? COLLECTIVE + rest.substring("collective:".length())
                                              : "Contract:" + rest;
    }

    public static String line(String scheduleId, int year, String slot) {
        return scheduleId + ".Y" + year + "." + slot;
    }

    public static String order(String lineId, int attempt) {
        return "Order:" + suffix(lineId) + "." + attempt;
    }

    /** The schedule an order belongs to, or null if the text is not an order id. */
    public static String scheduleOfOrder(String orderId) {
        Matcher m = orderId == null ? null : ORDER.matcher(orderId);
        return m != null && m.matches() ? "Schedule:" + m.group(1) : null;
    }

    /** The line an order pays, or null if the text is not an order id. */
    public static String lineOfOrder(String orderId) {
        Matcher m = orderId == null ? null : ORDER.matcher(orderId);
        return m != null && m.matches() ? line("Schedule:" + m.group(1), Integer.parseInt(m.group(2)), m.group(3))
                                        : null;
    }

    private static String suffix(String typedId) {
        return typedId.substring(typedId.indexOf(':') + 1);
    }
}
