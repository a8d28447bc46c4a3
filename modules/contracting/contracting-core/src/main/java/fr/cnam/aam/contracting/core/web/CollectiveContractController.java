package fr.cnam.aam.contracting.core.web;

import fr.cnam.aam.contracting.api.ChangeCollectiveEtpCommand;
import fr.cnam.aam.contracting.api.EvaluateCollectiveObjectivesCommand;
import fr.cnam.aam.contracting.api.FindCollectiveContractQuery;
import fr.cnam.aam.contracting.api.JoinCollectiveContractCommand;
import fr.cnam.aam.contracting.api.LeaveCollectiveContractCommand;
import fr.cnam.aam.contracting.api.SignCollectiveContractCommand;
import fr.cnam.aam.contracting.api.TerminateCollectiveContractCommand;
import fr.cnam.aam.contracting.api.WaiveWaitingPeriodCommand;
import fr.cnam.aam.kernel.TypedId;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.math.BigDecimal;
import java.net.URI;
import java.util.Map;
import java.util.function.Function;

/** The collective contracts of COLLECTIVE_2026 (a group's company for its member GPs): sign, members, ETP, years. */
@RestController
@RequestMapping("/api/v1/collective-contracts")
class CollectiveContractController {

    private static final String TYPE = "CollectiveContract";
    private static final BigDecimal PER_MILLE = BigDecimal.valueOf(1000);

    private final CommandGateway commands;
    private final QueryGateway queries;

    CollectiveContractController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @PostMapping
    ResponseEntity<Map<String, String>> sign(@Valid @RequestBody CollectiveContractRequests.Sign r) {
        String id = r.collectiveContractId() == null ? TypedId.newId(TYPE) : TypedId.of(TYPE, r.collectiveContractId());
        commands.sendAndWait(new SignCollectiveContractCommand(id, r.caisseCode(), r.departement(), r.structure(),
                r.companyIdentifier(), r.signedOn(), permille(r.etp()), r.approvedTrainingSite(),
                r.members().stream().map(CollectiveContractRequests.Member::toMember).toList()));
        return ResponseEntity.created(URI.create("/api/v1/collective-contracts/" + id))
                             .body(Map.of("collectiveContractId", id));
    }

    @PostMapping("/{collectiveContractId}/members")
    Map<String, Object> join(@PathVariable("collectiveContractId") String id, @Valid @RequestBody CollectiveContractRequests.Join r) {
        return send(id, c -> new JoinCollectiveContractCommand(c, r.member().toMember(), r.joinedOn()),
                    "rpps", r.member().rpps());
    }

    @PostMapping("/{collectiveContractId}/members/{rpps}/departure")
    Map<String, Object> leave(@PathVariable("collectiveContractId") String id, @PathVariable String rpps,
                              @Valid @RequestBody CollectiveContractRequests.Leave r) {
        return send(id, c -> new LeaveCollectiveContractCommand(c, rpps, r.leftOn(), r.reason()), "rpps", rpps);
    }

    @PostMapping("/{collectiveContractId}/etp")
    Map<String, Object> etp(@PathVariable("collectiveContractId") String id, @Valid @RequestBody CollectiveContractRequests.Etp r) {
        return send(id, c -> new ChangeCollectiveEtpCommand(c, r.avenantReference(), permille(r.etp()),
                                                            r.effectiveOn()), "avenantReference", r.avenantReference());
    }

    @PostMapping("/{collectiveContractId}/evaluations")
    Map<String, Object> evaluate(@PathVariable("collectiveContractId") String id,
                                 @Valid @RequestBody CollectiveContractRequests.Evaluation r) {
        return send(id, c -> new EvaluateCollectiveObjectivesCommand(c, r.contractYear(), r.evaluatedOn(),
                                                                     r.mtPatientsReached(), r.fileActiveReached()),
                    "contractYear", r.contractYear());
    }

    @PostMapping("/{collectiveContractId}/termination")
    Map<String, Object> terminate(@PathVariable("collectiveContractId") String id,
                                  @Valid @RequestBody CollectiveContractRequests.Termination r) {
        return send(id, c -> new TerminateCollectiveContractCommand(c, r.by(), r.reason(), r.notifiedOn()),
                    "by", r.by());
    }

    /** Records the caisse director's exception to a former member's waiting period (S38): free to sign at once. */
    @PostMapping("/{collectiveContractId}/waiting-period-exceptions")
    Map<String, Object> waive(@PathVariable("collectiveContractId") String id,
                              @Valid @RequestBody CollectiveContractRequests.WaitingPeriodException r) {
        return send(id, c -> new WaiveWaitingPeriodCommand(c, r.rpps(), r.decidedOn(), r.decisionReference(),
                                                           r.reason()), "rpps", r.rpps());
    }

    @GetMapping("/{collectiveContractId}")
    @SuppressWarnings("rawtypes")
    Map view(@PathVariable("collectiveContractId") String id) {
        Map found = queries.query(new FindCollectiveContractQuery(TypedId.of(TYPE, id)),
                                  ResponseTypes.instanceOf(Map.class)).join();
        if (found == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no collective contract " + id);
        }
        return found;
    }

    private Map<String, Object> send(String id, Function<String, Object> command, String key, Object value) {
        String typed = TypedId.of(TYPE, id);
        commands.sendAndWait(command.apply(typed));
        return Map.of("collectiveContractId", typed, key, value);
    }

    private static int permille(BigDecimal etp) {
        return etp.multiply(PER_MILLE).intValueExact(); // three decimals at most: validated
    }
}
