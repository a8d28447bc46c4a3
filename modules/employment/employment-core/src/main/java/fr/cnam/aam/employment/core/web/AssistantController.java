package fr.cnam.aam.employment.core.web;

import fr.cnam.aam.regulation.referential.Caisses;
import fr.cnam.aam.employment.api.EndAbsenceCommand;
import fr.cnam.aam.employment.api.FindAssistantQuery;
import fr.cnam.aam.employment.api.HireAssistantCommand;
import fr.cnam.aam.employment.api.RecordDepartureCommand;
import fr.cnam.aam.employment.api.RecordQualificationCommand;
import fr.cnam.aam.employment.api.RecordSecretaryReplacementCommand;
import fr.cnam.aam.employment.api.StartAbsenceCommand;
import fr.cnam.aam.employment.api.StartTrainingCommand;
import fr.cnam.aam.employment.api.SubmitHiringProofCommand;
import fr.cnam.aam.kernel.TypedId;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import fr.cnam.aam.employment.core.calendar.AssistantDeadlineTable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.RequestParam;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/** The assistant's story: hiring, proof, training, qualification, absences, departure, the secretary's post. */
@RestController
@RequestMapping("/api/v1/assistants")
class AssistantController {

    private static final String TYPE = "Assistant";
    private static final String COLLECTIVE = "CollectiveContract";

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final AssistantDeadlineTable deadlines;
    private final Clock clock;
    private final HiringRequirements hiring;

    AssistantController(CommandGateway commands, QueryGateway queries, AssistantDeadlineTable deadlines,
                        Clock clock, HiringRequirements hiring) {
        this.commands = commands;
        this.queries = queries;
        this.deadlines = deadlines;
        this.clock = clock;
        this.hiring = hiring;
    }

    @PostMapping
    ResponseEntity<Map<String, String>> hire(@Valid @RequestBody HireRequest r) {
        String id = r.assistantId() == null ? TypedId.newId(TYPE) : TypedId.of(TYPE, r.assistantId());
        // a group's assistant names its collective contract ("CollectiveContract:x"); a bare id is an individual one
        List<String> contracts = r.contractIds().stream()
                .map(c -> TypedId.isOf(COLLECTIVE, c) ? TypedId.of(COLLECTIVE, c)
                                                                      : TypedId.of("Contract", c)).toList();
        String replaces = r.replacesAssistantId() == null ? null : TypedId.of(TYPE, r.replacesAssistantId());
        hiring.check(contracts, replaces);
        commands.sendAndWait(new HireAssistantCommand(id, contracts, r.employerType(), r.permanentContract(),
                r.weeklyHours(), r.hiredOn(), r.qualifications() == null ? List.of() : r.qualifications(),
                r.formerSecretary(), replaces, r.caisseCode()));
        return ResponseEntity.created(URI.create("/api/v1/assistants/" + id)).body(Map.of("assistantId", id));
    }

    @PostMapping("/{assistantId}/hiring-proof")
    Map<String, String> proof(@PathVariable String assistantId, @Valid @RequestBody DatedRequest r) {
        return send(assistantId, id -> new SubmitHiringProofCommand(id, r.on()));
    }

    @PostMapping("/{assistantId}/training")
    Map<String, String> training(@PathVariable String assistantId, @Valid @RequestBody CodedDatedRequest r) {
        return send(assistantId, id -> new StartTrainingCommand(id, r.on(), r.code()));
    }

    @PostMapping("/{assistantId}/qualifications")
    Map<String, String> qualification(@PathVariable String assistantId, @Valid @RequestBody CodedDatedRequest r) {
        return send(assistantId, id -> new RecordQualificationCommand(id, r.code(), r.on()));
    }

    @PostMapping("/{assistantId}/absences")
    Map<String, String> absence(@PathVariable String assistantId, @Valid @RequestBody CodedDatedRequest r) {
        return send(assistantId, id -> new StartAbsenceCommand(id, r.on(), r.code()));
    }

    @PostMapping("/{assistantId}/absences/end")
    Map<String, String> absenceEnd(@PathVariable String assistantId, @Valid @RequestBody DatedRequest r) {
        return send(assistantId, id -> new EndAbsenceCommand(id, r.on()));
    }

    @PostMapping("/{assistantId}/departure")
    Map<String, String> departure(@PathVariable String assistantId, @Valid @RequestBody CodedDatedRequest r) {
        return send(assistantId, id -> new RecordDepartureCommand(id, r.on(), r.code()));
    }

    @PostMapping("/{assistantId}/secretary-replacement")
    Map<String, String> secretary(@PathVariable String assistantId, @Valid @RequestBody CodedDatedRequest r) {
        return send(assistantId, id -> new RecordSecretaryReplacementCommand(id, r.on(), r.code()));
    }

    /** Deadlines still open for the caisse's assistants, due within the next {@code days} days (by the clock). */
    @GetMapping("/deadlines")
    List<Map<String, Object>> dueSoon(@RequestParam String caisse,
                                      @RequestParam(defaultValue = "30") @Min(0) @Max(3660) int days) {
        Caisses.requireKnown(caisse);
        LocalDate today = LocalDate.now(clock);
        return deadlines.pendingBetween(today, today.plusDays(days), "caisseCode", caisse).stream()
                        .map(d -> Map.<String, Object>of("assistantId", d.getString("assistantId"),
                                                         "kind", d.getString("kind"), "dueOn", d.getString("dueOn")))
                        .toList();
    }

    @GetMapping("/{assistantId}")
    Map<?, ?> get(@PathVariable String assistantId) {
        String id = TypedId.of(TYPE, assistantId);
        Map<?, ?> view = queries.query(new FindAssistantQuery(id), ResponseTypes.instanceOf(Map.class)).join();
        if (view == null) {
            throw new ResponseStatusException(NOT_FOUND, "no assistant " + id);
        }
        return view;
    }

    private Map<String, String> send(String assistantId, java.util.function.Function<String, Object> command) {
        String id = TypedId.of(TYPE, assistantId);
        commands.sendAndWait(command.apply(id));
        return Map.of("assistantId", id);
    }
}
