package org.fanzha.platform;

import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure of an API call into an RFC 9457 problem detail with a stable {@code type} and a
 * message a bank's developer can act on. Internal errors never leak stack traces or SQL.
 */
@RestControllerAdvice
class ApiProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail invalid(IllegalArgumentException e) {
		return problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", e.getMessage());
	}

	@ExceptionHandler(InvalidFieldsException.class)
	ProblemDetail invalidFields(InvalidFieldsException e) {
		ProblemDetail pd = problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", e.getMessage());
		pd.setProperty("errors", e.errors());
		return pd;
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException e) {
		return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
	}

	@ExceptionHandler(ConflictException.class)
	ProblemDetail conflict(ConflictException e) {
		return problem(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage());
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ProblemDetail integrity(DataIntegrityViolationException e) {
		log.info("Rejected write: {}", e.getMostSpecificCause().getMessage());
		return problem(HttpStatus.CONFLICT, "conflict", "Conflict",
				"The request conflicts with stored data (duplicate or missing reference)");
	}

	@ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
	ProblemDetail forbidden(org.springframework.security.access.AccessDeniedException e) {
		return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage());
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception e) {
		log.error("Unexpected API failure", e);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
				"The request could not be completed; nothing was stored. The error was logged.");
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Throwable cause = ex;
		while (cause != null) {
			if (cause instanceof PayloadTooLargeException tooLarge) {
				return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
						.body(problem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
								tooLarge.getMessage()));
			}
			if (cause instanceof IllegalArgumentException invalid && invalid.getMessage() != null) {
				// a value type rejected a field while the body was bound
				return ResponseEntity.badRequest()
						.body(problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", invalid.getMessage()));
			}
			cause = cause.getCause();
		}
		return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "malformed-request",
				"Malformed request body", "The request body is missing or is not valid JSON of the expected shape"));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String detail = ex.getBindingResult().getFieldErrors().stream()
				.map(ApiProblemHandler::describe)
				.sorted()
				.collect(Collectors.joining("; "));
		ProblemDetail body = problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
				detail.isEmpty() ? "Invalid request content" : detail);
		return ResponseEntity.badRequest().body(body);
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
			WebRequest request) {
		if (body instanceof ProblemDetail pd && (pd.getType() == null || "about:blank".equals(pd.getType().toString()))) {
			pd.setType(Problems.type("http-" + statusCode.value()));
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

	private static String describe(FieldError error) {
		return error.getField() + ": " + error.getDefaultMessage();
	}

	static ProblemDetail problem(HttpStatus status, String slug, String title, String detail) {
		ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
		pd.setType(Problems.type(slug));
		pd.setTitle(title);
		return pd;
	}
}
