package fr.cnam.aam.app.rulebook;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

public record PublishRulebookRevisionCommand(@TargetAggregateIdentifier String registryId, String revision,
                                             String basedOn, String reason, LocalDate publishedOn,
                                             List<RevisedValue> values) {
}
