package fr.cnam.aam.contracting.core.web;

import fr.cnam.aam.contracting.api.AmendContractCommand;
import fr.cnam.aam.contracting.api.ContractView;
import fr.cnam.aam.contracting.api.FindContractQuery;
import fr.cnam.aam.contracting.api.SignContractCommand;
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

import java.net.URI;
import java.util.Map;

import static org.springframework.http.HttpStatus.NOT_FOUND;

@RestController
@RequestMapping("/api/v1/contracts")
class ContractController {

    private static final String TYPE = "Contract";

    private final CommandGateway commands;
    private final QueryGateway queries;

    ContractController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
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
    ResponseEntity<Map<String, String>> amend(@PathVariable String contractId,
                                              @Valid @RequestBody AmendContractRequest request) {
        String id = TypedId.of(TYPE, contractId);
        commands.sendAndWait(new AmendContractCommand(id, request.avenantReference(), request.option(),
                                                      request.effectiveOn(), request.reason()));
        return ResponseEntity.ok(Map.of("contractId", id, "avenantReference", request.avenantReference()));
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
