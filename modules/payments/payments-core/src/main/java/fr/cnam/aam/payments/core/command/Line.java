package fr.cnam.aam.payments.core.command;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A line as the schedule decides on it: open until ordered; an order paid or awaiting its answer freezes it. */
final class Line {

    enum Status { OPEN, ORDERED, PAID, CANCELLED }

    final String id;
    final int year;
    final String slot;
    /** What the line pays, as planned (ADVANCE, BALANCE, AT_ANNIVERSARY, COMPLEMENT, RECOVERY…). */
    final String kind;
    LocalDate dueDate;
    long amountCents;
    Status status = Status.OPEN;
    final List<String> rejectedOrders = new ArrayList<>();
    String orderId;
    /** When the order now out was issued: its answer cannot come before. */
    LocalDate orderIssuedOn;

    Line(String id, int year, String slot, String kind, LocalDate dueDate, long amountCents) {
        this.id = id;
        this.year = year;
        this.slot = slot;
        this.kind = kind;
        this.dueDate = dueDate;
        this.amountCents = amountCents;
    }

    boolean open() {
        return status == Status.OPEN;
    }

    boolean frozen() {
        return status == Status.ORDERED || status == Status.PAID;
    }

    boolean adjustment() {
        return slot.startsWith("A");
    }

    // compared by value, so the test fixture can check that sourcing the events rebuilds the same state
    @Override
    public boolean equals(Object other) {
        return other instanceof Line l && id.equals(l.id) && year == l.year && slot.equals(l.slot)
               && Objects.equals(kind, l.kind) && Objects.equals(orderIssuedOn, l.orderIssuedOn)
               && Objects.equals(dueDate, l.dueDate) && amountCents == l.amountCents && status == l.status
               && rejectedOrders.equals(l.rejectedOrders) && Objects.equals(orderId, l.orderId);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
