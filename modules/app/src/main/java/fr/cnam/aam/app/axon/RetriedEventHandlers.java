package fr.cnam.aam.app.axon;

import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/**
 * An event handler that fails is tried again a few times, with a growing pause, before its failure reaches the
 * processor (which then parks the event in the dead-letter queue, holding the aggregate's later events behind it).
 * Most failures of a policy are transient — two instances changing one payment schedule at once, a store that
 * did not answer — and pass on a second try; the commands policies send are idempotent, so trying again is safe.
 */
class RetriedEventHandlers implements HandlerEnhancerDefinition {

    private static final Logger log = LoggerFactory.getLogger(RetriedEventHandlers.class);

    private final int attempts;
    private final long firstPauseMillis;

    RetriedEventHandlers(int attempts, long firstPauseMillis) {
        this.attempts = Math.max(1, attempts);
        this.firstPauseMillis = firstPauseMillis;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (attempts == 1 || !original.canHandleMessageType(EventMessage.class)
            || !original.hasAnnotation(EventHandler.class)
            // an aggregate's event-sourcing handler only assigns state: a failure there is no passing one
            || original.hasAnnotation(org.axonframework.eventsourcing.EventSourcingHandler.class)) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                long pause = firstPauseMillis;
                for (int attempt = 1; ; attempt++) {
                    try {
                        return super.handle(message, target);
                    } catch (Exception e) {
                        if (attempt >= attempts) {
                            throw e;
                        }
                        log.warn("{} failed on {} (attempt {} of {}): {}; trying again in {} ms",
                                 original.declaringClass().getSimpleName(), message.getPayloadType().getSimpleName(),
                                 attempt, attempts, e.toString(), pause);
                        try {
                            Thread.sleep(pause);
                        } catch (InterruptedException interrupted) {
                            // stopping: keep the interrupt, give up with the handler's own failure (parked)
                            Thread.currentThread().interrupt();
                            e.addSuppressed(interrupted);
                            throw e;
                        }
                        pause *= 4;
                    }
                }
            }
        };
    }
}
