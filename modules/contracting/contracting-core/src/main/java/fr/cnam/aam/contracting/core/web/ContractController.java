package fr.cnam.aam.contracting.core.web;

import fr.cnam.aam.regulation.referential.Caisses;
import fr.cnam.aam.contracting.api.AmendContractCommand;
import fr.cnam.aam.contracting.api.AmendObjectivesCommand;
import fr.cnam.aam.contracting.api.ContractList;
import fr.cnam.aam.contracting.api.RecordSemestrialReviewCommand;
import fr.cnam.aam.contracting.api.RenewContractCommand;
import fr.cnam.aam.contracting.api.RevalueAtAnniversaryCommand;
import fr.cnam.aam.contracting.api.EvaluateObjectivesCommand;
import fr.cnam.aam.contracting.api.RecordAnnualActivityCommand;
import fr.cnam.aam.contracting.api.SwitchRegulatoryVersionCommand;
import fr.cnam.aam.contracting.api.FindContractsQuery;
import fr.cnam.aam.contracting.api.ResumeContractCommand;
import fr.cnam.aam.contracting.api.SuspendContractCommand;
import fr.cnam.aam.contracting.api.TerminateContractCommand;
import fr.cnam.aam.contracting.api.ContractView;
import fr.cnam.aam.contracting.api.FindContractQuery;
import fr.cnam.aam.contracting.api.SignContractCommand;
import fr.cnam.aam.kernel.TypedId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import fr.cnam.aam.contracting.core.calendar.ContractDeadlines;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.springframework.http.HttpStatus.NOT_FOUND;

@RestController
@RequestMapping("/api/v1/contracts")
class ContractController {

    private static final String TYPE = "Contract";

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ContractDeadlines calendarDeadlines;

    ContractController(CommandGateway commands, QueryGateway queries, ContractDeadlines calendarDeadlines) {
        this.commands = commands;
        this.queries = queries;
        this.calendarDeadlines = calendarDeadlines;
    }

    @PostMapping
    ResponseEntity<Map<String, String>> sign(@Valid @RequestBody SignContractRequest request) {
        String contractId = request.contractId() == null ? TypedId.newId(TYPE) : TypedId.of(TYPE, request.contractId());
        String assessmentId = TypedId.of("Assessment", request.assessmentId());
        commands.sendAndWait(new SignContractCommand(contractId, assessmentId, request.rpps(), request.caisseCode(),
                                                     request.departement(), request.option(), request.activityBand(),
                                                     request.initialMtPatients(), request.initialFileActive(),
                                                     request.signedOn()));
        return ResponseEntity.created(URI.create("/api/v1/contracts/" + contractId))
                             .body(Map.of("contractId", contractId));
    }

    @PostMapping("/{contractId}/avenants")
    Map<String, Object> amend(@PathVariable String contractId, @Valid @RequestBody AmendContractRequest request) {
        return send(contractId, id -> new AmendContractCommand(id, request.avenantReference(), request.option(),
                                                               request.effectiveOn(), request.reason()),
                    "avenantReference", request.avenantReference());
    }

    @PostMapping("/{contractId}/suspensions")
    Map<String, Object> suspend(@PathVariable String contractId, @Valid @RequestBody StepRequest request) {
        return send(contractId, id -> new SuspendContractCommand(id, request.avenantReference(), request.reason(),
                                                                 request.effectiveOn()),
                    "avenantReference", request.avenantReference());
    }

    @PostMapping("/{contractId}/resumptions")
    Map<String, Object> resume(@PathVariable String contractId, @Valid @RequestBody StepRequest request) {
        return send(contractId, id -> new ResumeContractCommand(id, request.avenantReference(), request.reason(),
                                                                request.effectiveOn()),
                    "avenantReference", request.avenantReference());
    }

    @PostMapping("/{contractId}/termination")
    Map<String, Object> terminate(@PathVariable String contractId, @Valid @RequestBody TerminationRequest request) {
        return send(contractId, id -> new TerminateContractCommand(id, request.by(), request.reason(),
                                                                   request.notifiedOn()),
                    "by", request.by());
    }

    @PostMapping("/{contractId}/activity")
    Map<String, Object> activity(@PathVariable String contractId, @Valid @RequestBody ActivityRequest request) {
        return send(contractId, id -> new RecordAnnualActivityCommand(id, request.contractYear(), request.mtPatients(),
                                                                      request.fileActive(), request.recordedOn()),
                    "contractYear", request.contractYear());
    }

    @PostMapping("/{contractId}/evaluations")
    Map<String, Object> evaluate(@PathVariable String contractId, @Valid @RequestBody EvaluationRequest request) {
        return send(contractId, id -> new EvaluateObjectivesCommand(id, request.contractYear(), request.evaluatedOn()),
                    "contractYear", request.contractYear());
    }

    @PostMapping("/{contractId}/version-switch")
    Map<String, Object> switchVersion(@PathVariable String contractId,
                                      @Valid @RequestBody VersionSwitchRequest request) {
        return send(contractId, id -> new SwitchRegulatoryVersionCommand(id, request.toVersion(), request.requestedOn(),
                                                                         request.reason()),
                    "toVersion", request.toVersion());
    }

    @PostMapping("/{contractId}/revaluations")
    Map<String, Object> revalue(@PathVariable String contractId, @Valid @RequestBody RevaluationRequest request) {
        return send(contractId, id -> new RevalueAtAnniversaryCommand(id, request.anniversaryOn()),
                    "anniversaryOn", request.anniversaryOn());
    }

    @PostMapping("/{contractId}/renewal")
    Map<String, Object> renew(@PathVariable String contractId, @Valid @RequestBody RenewalRequest request) {
        return send(contractId, id -> new RenewContractCommand(id, request.decidedOn()),
                    "decidedOn", request.decidedOn());
    }

    @PostMapping("/{contractId}/semestrial-reviews")
    Map<String, Object> review(@PathVariable String contractId, @Valid @RequestBody ReviewRequest request) {
        return send(contractId, id -> new RecordSemestrialReviewCommand(id, request.heldOn(), request.summary()),
                    "heldOn", request.heldOn());
    }

    @PostMapping("/{contractId}/objectives")
    Map<String, Object> amendObjectives(@PathVariable String contractId,
                                        @Valid @RequestBody ObjectivesRequest request) {
        return send(contractId, id -> new AmendObjectivesCommand(id, request.avenantReference(), request.effectiveOn(),
                                                                 request.targets(), request.reason()),
                    "avenantReference", request.avenantReference());
    }

    /** The contract's calendar: anniversaries and the term, with what happened when each came. */
    @GetMapping("/{contractId}/deadlines")
    List<Map<String, Object>> deadlines(@PathVariable String contractId) {
        String id = TypedId.of(TYPE, contractId);
        get(contractId); // an unknown contract is a 404, not an empty calendar
        return calendarDeadlines.of(id).stream().map(d -> {
            Map<String, Object> deadline = new java.util.LinkedHashMap<>();
            deadline.put("kind", d.getString("kind"));
            deadline.put("dueOn", d.getString("dueOn"));
            deadline.put("status", d.getString("status"));
            deadline.put("outcome", d.getString("outcome"));
            return deadline;
        }).sorted(java.util.Comparator.comparing(m -> (String) m.get("dueOn"))).toList();
    }

    /** Sends the command to the contract; answers with its identifier and the field that names the step. */
    private Map<String, Object> send(String contractId, java.util.function.Function<String, Object> command,
                                     String key, Object value) {
        String id = TypedId.of(TYPE, contractId);
        commands.sendAndWait(command.apply(id));
        return Map.of("contractId", id, key, value);
    }

    /** Contracts by caisse, département, status, version and option (each optional), a page at a time. */
    @GetMapping
    ContractList list(@RequestParam(required = false) String caisse,
                      @RequestParam(required = false) String departement,
                      @RequestParam(required = false) String status,
                      @RequestParam(required = false) String version,
                      @RequestParam(required = false) String option,
                      @RequestParam(defaultValue = "0") @Min(0) int page,
                      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        if (caisse != null) {
            Caisses.requireKnown(caisse);
        }
        return queries.query(new FindContractsQuery(caisse, departement, status, version, option, page, size),
                             ResponseTypes.instanceOf(ContractList.class)).join();
    }

    @GetMapping("/{contractId}")
    ContractView get(@PathVariable String contractId) {
        String id = TypedId.of(TYPE, contractId);
        ContractView view = queries.query(new FindContractQuery(id), ResponseTypes.instanceOf(ContractView.class))
                                   .join();
        if (view == null) {
            throw new ResponseStatusException(NOT_FOUND, "no contract " + id);
        }
        return view;
    }
}
