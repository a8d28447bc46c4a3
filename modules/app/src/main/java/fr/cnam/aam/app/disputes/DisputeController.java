package fr.cnam.aam.app.disputes;

import fr.cnam.aam.kernel.BusinessRuleViolation;
import fr.cnam.aam.kernel.TypedId;
import fr.cnam.aam.regulation.ParameterValue;
import fr.cnam.aam.regulation.RegulatoryVersion;
import fr.cnam.aam.regulation.Rulebook;
import fr.cnam.aam.regulation.Rulebooks;
import jakarta.validation.Valid;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * For dispute handlers: a contract as it stood on a date and as the caisse knew it at an instant, read from the
 * event streams of its aggregates; the same as a printable report (HTML, PDF). Roles: AUDITOR, or the agent of the
 * contract's caisse. A collective contract has the same view, its company, ETP and members beside.
 */
@RestController
@RequestMapping("/api/v1/disputes")
class DisputeController {

    /** The record starts with the scheme (2019) and no instant after 2100 is a question anyone asks. */
    private static final Instant EARLIEST_KNOWN = Instant.parse("2019-01-01T00:00:00Z");
    private static final Instant LATEST_KNOWN = Instant.parse("2100-01-01T00:00:00Z");

    private final DisputeViews views;
    private final Clock clock;
    private final Rulebooks rulebooks;

    DisputeController(DisputeViews views, Clock clock, Rulebooks rulebooks) {
        this.views = views;
        this.clock = clock;
        this.rulebooks = rulebooks;
    }

    /** {@code asOf}: the date (default today, business time); {@code knownAt}: an ISO instant (default now). */
    @GetMapping("/contracts/{contractId}")
    AsOfView asOf(@PathVariable String contractId,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                  @RequestParam(required = false) String knownAt) {
        return view(TypedId.of("Contract", contractId), asOf, knownAt);
    }

    /** A group's collective contract, as {@link #asOf}: its payments to the company, its assistants, its record. */
    @GetMapping("/collective-contracts/{collectiveContractId}")
    AsOfView collectiveAsOf(@PathVariable String collectiveContractId,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                            LocalDate asOf,
                            @RequestParam(required = false) String knownAt) {
        return view(TypedId.of("CollectiveContract", collectiveContractId), asOf, knownAt);
    }

    @GetMapping("/collective-contracts/{collectiveContractId}/report")
    ResponseEntity<byte[]> collectiveReport(@PathVariable String collectiveContractId,
                                            @RequestParam(required = false)
                                            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                            @RequestParam(required = false) String knownAt,
                                            @RequestParam(defaultValue = "html") String format) {
        return report(collectiveAsOf(collectiveContractId, asOf, knownAt), format);
    }

    private AsOfView view(String id, LocalDate asOf, String knownAt) {
        AsOfView view = views.asOf(id, asOf != null ? asOf : LocalDate.now(clock), instant(knownAt));
        if (view == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no contract " + id);
        }
        return view;
    }

    /** The report: {@code format=html} (default) or {@code pdf}. */
    @GetMapping("/contracts/{contractId}/report")
    ResponseEntity<byte[]> report(@PathVariable String contractId,
                                  @RequestParam(required = false)
                                  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                  @RequestParam(required = false) String knownAt,
                                  @RequestParam(defaultValue = "html") String format) {
        return report(asOf(contractId, asOf, knownAt), format);
    }

    private static ResponseEntity<byte[]> report(AsOfView view, String format) {
        return switch (format) {
            case "pdf" -> ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                                        .header("Content-Disposition", "inline; filename=\"contestation-"
                                                + view.contractId().replace(':', '-') + ".pdf\"")
                                        .body(DisputeReport.pdf(view));
            case "html" -> ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                                         .body(DisputeReport.html(view).getBytes(StandardCharsets.UTF_8));
            default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "format: html or pdf");
        };
    }

    /** The contract's years re-decided under another version or revision, beside what was recorded. */
    @PostMapping("/contracts/{contractId}/what-if")
    WhatIf whatIf(@PathVariable String contractId, @Valid @RequestBody WhatIfRequest request) {
        AsOfView recorded = asOf(contractId, LocalDate.now(clock), null);
        Rulebook rulebook = askedRulebook(request, rulebooks.current());
        RegulatoryVersion version;
        try {
            version = request.regulatoryVersion() == null ? null
                      : RegulatoryVersion.valueOf(request.regulatoryVersion());
        } catch (IllegalArgumentException e) {
            throw new BusinessRuleViolation("VERSION_UNKNOWN", "no regulatory version " + request.regulatoryVersion());
        }
        if (version != null && version.kind() != RegulatoryVersion.Kind.INDIVIDUAL) {
            throw new BusinessRuleViolation("VERSION_KIND_MISMATCH", "an individual contract is not re-decided under "
                                            + version + " (" + version.kind() + ")");
        }
        return WhatIfPlanner.whatIf(recorded, version, request.fromYear() == null ? 1 : request.fromYear(),
                                    rulebook, revision -> revision == null ? rulebooks.current()
                                                          : rulebooks.revision(revision).orElse(rulebooks.current()));
    }

    /**
     * A collective contract's years re-decided under another rulebook revision and the corrections considered,
     * beside what was recorded (its version is the collective one: another version is refused).
     */
    @PostMapping("/collective-contracts/{collectiveContractId}/what-if")
    WhatIf collectiveWhatIf(@PathVariable String collectiveContractId, @Valid @RequestBody WhatIfRequest request) {
        LocalDate today = LocalDate.now(clock);
        AsOfView recorded = collectiveAsOf(collectiveContractId, today, null);
        if (recorded.contract().endsOn() != null && recorded.contract().endsOn().isAfter(today)) {
            // every avenant recorded so far, even one that takes effect later: the contract pays on it already
            recorded = collectiveAsOf(collectiveContractId, recorded.contract().endsOn(), null);
        }
        if (request.regulatoryVersion() != null) {
            try {
                RegulatoryVersion.valueOf(request.regulatoryVersion());
            } catch (IllegalArgumentException e) {
                throw new BusinessRuleViolation("VERSION_UNKNOWN", "no regulatory version "
                                                + request.regulatoryVersion());
            }
        }
        if (request.regulatoryVersion() != null
            && !request.regulatoryVersion().equals(recorded.contract().regulatoryVersion())) {
            throw new BusinessRuleViolation("VERSION_KIND_MISMATCH", "a collective contract is re-decided under its "
                    + "own version, " + recorded.contract().regulatoryVersion());
        }
        Rulebook rulebook = askedRulebook(request, rulebooks.currentFor(RegulatoryVersion.Kind.COLLECTIVE));
        return CollectiveWhatIfPlanner.whatIf(recorded, request.fromYear() == null ? 1 : request.fromYear(),
                                              rulebook);
    }

    /** The asked revision (else {@code current}), with the request's corrections considered, never stored. */
    private Rulebook askedRulebook(WhatIfRequest request, Rulebook current) {
        Rulebook rulebook = request.rulebookRevision() == null ? current
                : rulebooks.revision(request.rulebookRevision()).orElseThrow(() -> new BusinessRuleViolation(
                        "REVISION_UNKNOWN", "no rulebook revision " + request.rulebookRevision()));
        if (request.corrections() != null && !request.corrections().isEmpty()) {
            Map<String, List<ParameterValue>> corrections = new LinkedHashMap<>();
            for (WhatIfRequest.Correction c : request.corrections()) {
                if (!rulebook.has(c.parameter())) {
                    throw new BusinessRuleViolation("PARAMETER_UNKNOWN", "no parameter " + c.parameter());
                }
                CorrectionValues.requireFits(c, rulebook.parameters().get(c.parameter()).unit());
                corrections.computeIfAbsent(c.parameter(), p -> new ArrayList<>())
                           .add(new ParameterValue(c.version(), c.from(), c.value(), c.source(), c.confidence()));
            }
            try {
                rulebook = rulebook.revise(rulebook.revision() + "+what-if", corrections);
            } catch (IllegalArgumentException e) {
                throw new BusinessRuleViolation("CORRECTION_INVALID", e.getMessage());
            }
        }
        return rulebook;
    }

    private Instant instant(String knownAt) {
        if (knownAt == null) {
            // "known now" on the clock that stamps the events' recording times (Axon's), which is not the
            // business clock when a rehearsal or a test moves the latter
            return GenericEventMessage.clock.instant();
        }
        Instant instant;
        try {
            instant = Instant.parse(knownAt);
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                                              "knownAt: an ISO instant such as 2025-03-10T09:00:00Z");
        }
        if (instant.isBefore(EARLIEST_KNOWN) || instant.isAfter(LATEST_KNOWN)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "knownAt: between " + EARLIEST_KNOWN + " and "
                                              + LATEST_KNOWN + " (nothing was recorded outside)");
        }
        return instant;
    }
}
