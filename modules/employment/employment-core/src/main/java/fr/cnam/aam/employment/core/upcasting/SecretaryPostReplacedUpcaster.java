package fr.cnam.aam.employment.core.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.cnam.aam.employment.api.SecretaryPostReplaced;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;

/**
 * {@link SecretaryPostReplaced} revision 1 called the replacement's date {@code on}; revision 2 calls it
 * {@code replacedOn} (a date named "on" read as a preposition in every view and query). Events recorded as revision
 * 1 are read as revision 2: the field is renamed, its value kept — the record is never rewritten.
 */
@Component
class SecretaryPostReplacedUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 =
            new SimpleSerializedType(SecretaryPostReplaced.class.getName(), "1");
    private static final SimpleSerializedType REVISION_2 =
            new SimpleSerializedType(SecretaryPostReplaced.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            ObjectNode event = (ObjectNode) payload;
            event.set("replacedOn", event.remove("on"));
            return event;
        });
    }
}
