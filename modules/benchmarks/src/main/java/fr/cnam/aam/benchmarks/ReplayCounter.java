package fr.cnam.aam.benchmarks;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;

import java.util.concurrent.atomic.AtomicLong;

/** A processor that only counts: the replay rate of the store and the processor, without projection writes. */
@ProcessingGroup(ReplayCounter.GROUP)
public class ReplayCounter {

    static final String GROUP = "benchmark-counter";

    final AtomicLong handled = new AtomicLong();

    @EventHandler
    void on(Object event) {
        handled.incrementAndGet();
    }

    @ResetHandler
    void reset() {
        handled.set(0);
    }
}
