package fr.cnam.aam.app.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import fr.cnam.aam.kernel.BusinessRuleViolation;
import fr.cnam.aam.regulation.MissingParameter;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every error leaves as {@code application/problem+json}: 400 naming the field for bad input, 404 for an unknown
 * aggregate, 409 for a conflict, 422 with the rule's code for a command that breaks a business rule.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    @ExceptionHandler(BusinessRuleViolation.class)
    ProblemDetail ruleViolated(BusinessRuleViolation e) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, "Business rule violated", e.getMessage());
        problem.setProperty("rule", e.rule());
        return problem;
    }

    @ExceptionHandler(RequestRefused.class)
    ProblemDetail refused(RequestRefused e) {
        ProblemDetail problem = problem(e.status(), "Request refused", e.getMessage());
        problem.setProperty("rule", e.rule());
        return problem;
    }

    @ExceptionHandler(MissingParameter.class)
    ProblemDetail parameterMissing(MissingParameter e) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, "Regulatory parameter missing",
                                        e.getMessage());
        problem.setProperty("parameter", e.parameter());
        return problem;
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    ProblemDetail alreadyExists(AggregateStreamCreationException e) {
        return problem(HttpStatus.CONFLICT, "Already exists", "an aggregate with this identifier already exists");
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrentChange(ConcurrencyException e) {
        return problem(HttpStatus.CONFLICT, "Concurrent change",
                       "the aggregate was changed by another command at the same time; retry");
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail notFound(AggregateNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", "no aggregate " + e.getAggregateIdentifier());
    }

    @ExceptionHandler(CommandExecutionException.class)
    ProblemDetail commandFailed(CommandExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof BusinessRuleViolation violation) {
            return ruleViolated(violation);
        }
        if (cause instanceof AggregateStreamCreationException exists) {
            return alreadyExists(exists);
        }
        if (cause instanceof ConcurrencyException concurrent) {
            return concurrentChange(concurrent);
        }
        if (cause instanceof AggregateNotFoundException missing) {
            return notFound(missing);
        }
        return unexpected(e);
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                       "unexpected error; nothing was changed by this request unless its response said so");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
                .toList();
        String detail = errors.stream().map(m -> m.get("field") + " " + m.get("message"))
                              .collect(Collectors.joining("; "));
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", detail);
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        String field = null;
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = mapping.getPath().stream()
                           .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                           .collect(Collectors.joining("."));
        }
        fr.cnam.aam.app.web.input.RefusedInput refused = refusedInput(e);
        boolean unknownField = e.getCause() instanceof UnrecognizedPropertyException;
        String message = refused != null ? refused.getOriginalMessage()
                         : unknownField ? "this request has no such field" : "wrong form";
        boolean twice = String.valueOf(e.getMessage()).contains("Duplicate field");
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request",
                field != null ? field + ": " + message
                        : twice ? "a key appears twice in one object of the request body"
                        : "the request body is not valid JSON");
        if (field != null) {
            problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        }
        if (refused != null) {
            problem.setProperty("rule", refused.rule());
        } else if (unknownField) {
            problem.setProperty("rule", "FIELD_UNKNOWN");
        }
        return ResponseEntity.badRequest().body(problem);
    }

    private static fr.cnam.aam.app.web.input.RefusedInput refusedInput(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof fr.cnam.aam.app.web.input.RefusedInput refused) {
                return refused;
            }
        }
        return null;
    }

    /** A body Jackson could read but not turn into the request (a duplicate key with an impossible value…). */
    @ExceptionHandler(org.springframework.http.converter.HttpMessageConversionException.class)
    ProblemDetail unconvertible(org.springframework.http.converter.HttpMessageConversionException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", "the request body does not fit this request");
    }
}
