package fr.cnam.aam.eventstore;

import org.axonframework.eventhandling.DomainEventData;

import java.util.List;

/**
 * A run of the store in global order with no hole in it: the events at their positions (fences left out) and the
 * position to read after next — past every index read, event or fence, and never past one still open.
 */
public record PositionedEvents(List<Positioned> events, long next) {

    /** An event and its global position (the store's global index: stable, increasing). */
    public record Positioned(long position, DomainEventData<?> data) {
    }
}
