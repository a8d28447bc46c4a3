package fr.cnam.aam.app.web.input;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.core.StreamReadFeature;
import fr.cnam.aam.regulation.RegulatoryVersion;
import fr.cnam.aam.regulation.Rulebook;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * How request bodies are read: strict JSON, bounded values. A copy of the application's ObjectMapper, so that the
 * events (which Axon reads with the original) are never held to the bounds of today's input.
 * <ul>
 *   <li>a key twice in one object is refused (which of the two would count?);</li>
 *   <li>no coercion: a float for an integer, text for a number or a boolean, a number for text — refused;</li>
 *   <li>text bounded ({@link BoundedText}), dates within the scheme's life ({@link SchemeDate});</li>
 *   <li>anything after the JSON value is refused.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InputProperties.class)
class StrictJsonInput {

    /** Objects and arrays inside one another: no request of this API goes deeper than a few levels. */
    private static final int MAX_NESTING = 32;

    @Bean
    MappingJackson2HttpMessageConverter mappingJackson2HttpMessageConverter(ObjectMapper objectMapper,
                                                                           Clock clock,
                                                                           InputProperties input) {
        ObjectMapper web = objectMapper.copy();
        // a chunked body has no Content-Length for BodySizeLimit to check: the parser itself stops at the limit
        web.getFactory().setStreamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
                .maxDocumentLength(input.maxBodyBytes()).maxNestingDepth(MAX_NESTING).build());
        web.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        web.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        web.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        web.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        // a field the request does not have is refused, not ignored: a misspelt "efectiveOn" would leave the date
        // to its default, and a body "contractId" naming another contract than the path would be silently dropped
        web.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        for (LogicalType scalar : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            // "" or "  " for a number or a yes/no is no answer, not 0 or false
            web.coercionConfigFor(scalar).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                                         .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                                         .setAcceptBlankAsEmpty(false);
        }
        for (LogicalType numeric : new LogicalType[] {LogicalType.Integer, LogicalType.Float}) {
            web.coercionConfigFor(numeric).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        }
        web.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        web.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                                  .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        SimpleModule bounds = new SimpleModule("request-bounds");
        bounds.addDeserializer(String.class, new BoundedText(input.maxTextLength()));
        LocalDate schemeStart = schemeStart(Rulebook.shipped()); // once: no store read while a body is parsed
        bounds.addDeserializer(LocalDate.class, new SchemeDate(() -> schemeStart, clock, input.maxYearsAhead()));
        web.registerModule(bounds);
        return new MappingJackson2HttpMessageConverter(web);
    }

    /** The first day of the scheme: the start of its earliest regulatory version, as the shipped rulebook dates it. */
    private static LocalDate schemeStart(Rulebook rulebook) {
        return Arrays.stream(RegulatoryVersion.values()).map(rulebook::startOf)
                     .min(LocalDate::compareTo).orElseThrow();
    }
}
