package fr.cnam.aam.app.axon;

import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * A command bus on which every command commits in its own unit of work, even when an event handler sends it.
 * <p>
 * Axon runs a command sent from an event handler in a unit of work nested in the event processor's batch, and the
 * command's events are appended only when that batch commits — after the processor has stored its token (the token
 * is written first, and without a transaction nothing undoes it). An append that failed there (a concurrent change
 * of the same aggregate) lost the command's effect while the event that caused it counted as handled. Here the
 * command commits before {@code sendAndWait} returns: a failure reaches the event handler, which is retried and
 * then dead-lettered, and the token moves on only after the effect is stored. A crash between the two re-delivers
 * the event, so the commands policies send are idempotent.
 * <p>
 * The message is built (with its correlation data) before it reaches the bus; only its handling is detached.
 */
class OwnUnitOfWorkCommandBus extends SimpleCommandBus {

    OwnUnitOfWorkCommandBus(Builder builder) {
        super(builder);
    }

    @Override
    protected <C, R> void handle(CommandMessage<C> command, MessageHandler<? super CommandMessage<?>> handler,
                                 CommandCallback<? super C, ? super R> callback) {
        // the whole stack: a handler run inside another (a query inside an event handler) nests deeper than one
        java.util.Deque<UnitOfWork<?>> enclosing = new java.util.ArrayDeque<>();
        while (CurrentUnitOfWork.isStarted()) {
            UnitOfWork<?> current = CurrentUnitOfWork.get();
            CurrentUnitOfWork.clear(current);
            enclosing.push(current);
        }
        try {
            super.handle(command, handler, callback);
        } finally {
            while (!enclosing.isEmpty()) {
                CurrentUnitOfWork.set(enclosing.pop());
            }
        }
    }
}
