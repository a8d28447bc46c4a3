package fr.cnam.aam.app.store;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** True when the app must bring its own MongoDB: nobody configured {@code spring.data.mongodb.uri}. */
class NoMongoUriConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return !StringUtils.hasText(context.getEnvironment().getProperty("spring.data.mongodb.uri"));
    }
}
