package fr.cnam.aam.app.web.input;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds of what a request may carry (not regulation: the edge of the API).
 *
 * @param maxTextLength   characters in any text field
 * @param maxYearsAhead   how far after today a date may lie (an avenant or a suspension decided ahead)
 * @param maxBodyBytes    size of a request body
 */
@ConfigurationProperties("aam.input")
public record InputProperties(@DefaultValue("2000") int maxTextLength,
                              @DefaultValue("1") int maxYearsAhead,
                              @DefaultValue("65536") long maxBodyBytes) {
}
