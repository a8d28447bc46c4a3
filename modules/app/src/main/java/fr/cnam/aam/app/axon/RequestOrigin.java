package fr.cnam.aam.app.axon;

import fr.cnam.aam.app.security.Caller;
import fr.cnam.aam.app.web.CorrelationIdFilter;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * A command that starts a chain (sent by a controller, or by the calendar) gets its origin into its metadata: the
 * caller and its caisse from the request's token, the request's correlation id. A command sent while handling an
 * event already carries them ({@link AuditMetaData}, copied when the message was made): what it has is kept.
 */
final class RequestOrigin implements MessageDispatchInterceptor<CommandMessage<?>> {

    static final String SYSTEM = "system";

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            Map<String, Object> origin = new HashMap<>();
            Caller caller = Caller.current();
            if (!command.getMetaData().containsKey(AuditMetaData.PRINCIPAL)) {
                origin.put(AuditMetaData.PRINCIPAL, caller == null ? SYSTEM : caller.principal());
                if (caller != null && caller.caisse() != null) {
                    origin.put(AuditMetaData.CAISSE, caller.caisse());
                }
            }
            if (!command.getMetaData().containsKey(AuditMetaData.CORRELATION_ID)) {
                RequestAttributes request = RequestContextHolder.getRequestAttributes();
                Object fromRequest = request == null ? null
                        : request.getAttribute(CorrelationIdFilter.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
                origin.put(AuditMetaData.CORRELATION_ID, fromRequest != null ? fromRequest
                                                                             : UUID.randomUUID().toString());
            }
            return origin.isEmpty() ? command : command.andMetaData(origin);
        };
    }
}
