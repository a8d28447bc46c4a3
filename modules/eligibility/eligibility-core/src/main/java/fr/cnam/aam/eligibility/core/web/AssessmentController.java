package fr.cnam.aam.eligibility.core.web;

import fr.cnam.aam.eligibility.api.AssessEligibilityCommand;
import fr.cnam.aam.eligibility.api.DoctorDeclaration;
import fr.cnam.aam.eligibility.api.EligibilityAssessed;
import fr.cnam.aam.eligibility.api.FindAssessmentQuery;
import fr.cnam.aam.kernel.TypedId;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
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

import static org.springframework.http.HttpStatus.NOT_FOUND;

/** Records eligibility assessments: each one is an event, the decision that may later allow a signature. */
@RestController
@RequestMapping("/api/v1/eligibility/assessments")
class AssessmentController {

    private static final String TYPE = "Assessment";

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final EventStore eventStore;

    AssessmentController(CommandGateway commands, QueryGateway queries, EventStore eventStore) {
        this.commands = commands;
        this.queries = queries;
        this.eventStore = eventStore;
    }

    @PostMapping
    ResponseEntity<EligibilityAssessed> assess(@Valid @RequestBody AssessmentRequest r) {
        String id = r.assessmentId() == null ? TypedId.newId(TYPE) : TypedId.of(TYPE, r.assessmentId());
        commands.sendAndWait(new AssessEligibilityCommand(id, r.rpps(), r.caisseCode(), r.date(),
                new DoctorDeclaration(r.specialty(), r.sector(), r.mtPatients(), r.fileActive(), r.shareUnder16(),
                        r.departement(), r.priorityZone(), r.groupPractice(), r.coordinatedPractice(),
                        r.newlyInstalled(), r.disabledWorker(), r.longTermIllness(), r.clinicalFeeShare(),
                        r.age()), r.inputsSource()));
        // the decision as recorded, read from the event store rather than the (eventually consistent) projection
        EligibilityAssessed recorded = (EligibilityAssessed) eventStore.readEvents(id).next().getPayload();
        return ResponseEntity.created(URI.create("/api/v1/eligibility/assessments/" + id)).body(recorded);
    }

    @GetMapping("/{assessmentId}")
    EligibilityAssessed get(@PathVariable String assessmentId) {
        String id = TypedId.of(TYPE, assessmentId);
        EligibilityAssessed view = queries.query(new FindAssessmentQuery(id),
                                                 ResponseTypes.instanceOf(EligibilityAssessed.class)).join();
        if (view == null) {
            throw new ResponseStatusException(NOT_FOUND, "no assessment " + id);
        }
        return view;
    }
}
