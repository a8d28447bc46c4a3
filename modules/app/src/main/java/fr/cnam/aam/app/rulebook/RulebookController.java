package fr.cnam.aam.app.rulebook;

import fr.cnam.aam.kernel.BusinessRuleViolation;
import fr.cnam.aam.regulation.Parameter;
import fr.cnam.aam.regulation.Rulebook;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading the rulebook, and publishing a corrected revision (an event: earlier decisions keep theirs). */
@RestController
@RequestMapping("/api/v1/rulebook")
class RulebookController {

    private final RulebookRegistry registry;
    private final CommandGateway commands;
    private final Clock clock;

    RulebookController(RulebookRegistry registry, CommandGateway commands, Clock clock) {
        this.registry = registry;
        this.commands = commands;
        this.clock = clock;
    }

    @GetMapping
    Map<String, Object> summary() {
        Rulebook current = registry.current();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("currentRevision", current.revision());
        body.put("revisions", registry.revisionNames());
        body.put("parameters", current.parameters().keySet());
        return body;
    }

    @GetMapping("/parameters/{name}")
    Parameter parameter(@PathVariable String name, @RequestParam(required = false) String revision) {
        Rulebook rulebook = revision == null ? registry.current() : registry.revision(revision).orElseThrow(
                () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no rulebook revision " + revision));
        Parameter parameter = rulebook.parameters().get(name);
        if (parameter == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no parameter " + name);
        }
        return parameter;
    }

    @PostMapping("/revisions")
    ResponseEntity<Map<String, Object>> publish(@Valid @RequestBody RevisionRequest request) {
        String basedOn = request.basedOn() == null ? registry.current().revision() : request.basedOn();
        request.values().stream().filter(v -> v.value().isNull()).findFirst().ifPresent(v -> {
            throw new BusinessRuleViolation("REVISION_INVALID", "the value of " + v.parameter() + " is null");
        });
        List<RevisedValue> values = request.values().stream()
                .map(v -> new RevisedValue(v.parameter(), v.version().name(), v.from(), v.value().toString(),
                                           v.source(), v.confidence().code()))
                .toList();
        try {
            registry.preview(request.revision(), basedOn, values);
        } catch (IllegalArgumentException e) {
            throw new BusinessRuleViolation("REVISION_INVALID", e.getMessage());
        }
        commands.sendAndWait(new PublishRulebookRevisionCommand(RulebookRevisions.ID, request.revision(), basedOn,
                                                                request.reason(), LocalDate.now(clock), values));
        registry.invalidate();
        return ResponseEntity.created(URI.create("/api/v1/rulebook?revision=" + request.revision()))
                             .body(Map.of("revision", request.revision(), "basedOn", basedOn));
    }
}
