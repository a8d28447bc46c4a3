package fr.cnam.aam.app.store;

import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when a real MongoDB is configured ({@code spring.data.mongodb.uri}). */
class MongoUriConfigured extends NoMongoUriConfigured {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return !super.matches(context, metadata);
    }
}
