package app.ascend.notify.web;

import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

/**
 * Every error is RFC 9457 {@code application/problem+json}. Bad input is never a 500: malformed JSON
 * answers 400 with where it broke, oversize bodies 413, a database that is down 503.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidRequestException e, HttpServletRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, describe(e.errors()), request);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", e.errors());
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(UnauthorizedException.class)
    ResponseEntity<ProblemDetail> unauthorized(UnauthorizedException e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem(HttpStatus.UNAUTHORIZED, e.getMessage(), request));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem(HttpStatus.NOT_FOUND, e.getMessage(), request));
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e, HttpServletRequest request) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, e.getMessage(), request);
        problem.setProperty("errors", List.of(new FieldError(e.field(), e.getMessage())));
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyRequestsException e, HttpServletRequest request) {
        return retryLater(HttpStatus.TOO_MANY_REQUESTS, e.retryAfter(), e.getMessage(), request);
    }

    @ExceptionHandler(ServiceBusyException.class)
    ResponseEntity<ProblemDetail> busy(ServiceBusyException e, HttpServletRequest request) {
        return retryLater(HttpStatus.SERVICE_UNAVAILABLE, e.retryAfter(), e.getMessage(), request);
    }

    /** A problem with {@code Retry-After} in whole seconds, at least 1. */
    private ResponseEntity<ProblemDetail> retryLater(HttpStatus status, java.time.Duration retryAfter, String detail,
            HttpServletRequest request) {
        return ResponseEntity.status(status)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())))
                .body(problem(status, detail, request));
    }

    /** Tomcat cannot decode a query parameter: its percent-encoded bytes are not UTF-8 ({@code ?id=%FF}). */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> undecodableParameter(InvalidParameterException e, HttpServletRequest request) {
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST,
                "The query string is not valid: a percent-encoded value is not UTF-8.", request));
    }

    /**
     * The database cannot be reached (stopped, restarting, the pool out of connections for its 3 s
     * timeout): 503 with {@code Retry-After}, never a 500 nor a hang. Beginning a transaction fails
     * with {@code CannotCreateTransactionException}, a commit on a broken connection with a
     * {@code TransactionSystemException}: both are recognized by their cause ({@link DatabaseUnavailable}).
     */
    @ExceptionHandler({CannotGetJdbcConnectionException.class, DataAccessResourceFailureException.class,
            TransientDataAccessException.class, CannotCreateTransactionException.class})
    ResponseEntity<ProblemDetail> databaseDown(Exception e, HttpServletRequest request) {
        log.warn("database unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, DatabaseUnavailableFilter.RETRY_AFTER_SECONDS)
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailableFilter.DETAIL, request));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        if (DatabaseUnavailable.causedBy(e)) {
            return databaseDown(e, request);
        }
        log.error("unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return ResponseEntity.internalServerError()
                .body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error occurred.", request));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException tooLarge) {
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage());
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
            }
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, notReadable(ex));
        problem.setTitle("Malformed JSON");
        return ResponseEntity.badRequest().body(problem);
    }

    private static String notReadable(HttpMessageNotReadableException ex) {
        if (ex.getCause() instanceof JacksonException jackson) {
            TokenStreamLocation where = jackson.getLocation();
            String at = where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
            // Jackson quotes an unrecognized token, which may be a key sent without its quotes: never repeat it.
            String message = jackson.getOriginalMessage().replaceFirst("^Unrecognized token '.*?':", "Unrecognized token:");
            return "The body is not valid JSON" + at + ": " + message;
        }
        return "The body is missing or is not valid JSON.";
    }

    private static String describe(List<FieldError> errors) {
        if (errors.size() == 1) {
            return errors.get(0).field() + " " + errors.get(0).message();
        }
        return errors.size() + " fields are invalid: "
                + String.join(", ", errors.stream().map(FieldError::field).distinct().toList());
    }

    private static ProblemDetail problem(HttpStatus status, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        return problem;
    }
}
