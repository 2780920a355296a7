package org.fanzha.platform;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns every failure of an API call into an RFC 9457 problem detail with a stable
 * {@code type} and a message a bank's developer can act on. Internal errors never leak
 * stack traces or SQL.
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
		if (e.getMostSpecificCause() instanceof SQLException sql && sql.getSQLState() != null
				&& sql.getSQLState().startsWith("22")) {
			// data exception (22001 too long, 22003 out of range): a field check was
			// missed; the transaction rolled back
			String column = column(sql.getMessage());
			return problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
					(column == null ? "a value" : "the value for " + column)
							+ " is longer or larger than the field allows; nothing was stored");
		}
		return problem(HttpStatus.CONFLICT, "conflict", "Conflict",
				"The request conflicts with stored data (duplicate or missing reference)");
	}

	@ExceptionHandler(AccessDeniedException.class)
	ProblemDetail forbidden(AccessDeniedException e) {
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
			if (cause instanceof DatabindException bad && !bad.getPath().isEmpty()) {
				// the field, as a client names it: payments[0].amountFen
				return ResponseEntity.badRequest()
					.body(problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
							field(bad) + ": " + reason(bad)));
			}
			if (cause instanceof IllegalArgumentException invalid && invalid.getMessage() != null) {
				// a value type rejected a field while the body was bound
				return ResponseEntity.badRequest()
					.body(problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", invalid.getMessage()));
			}
			cause = cause.getCause();
		}
		return ResponseEntity.badRequest()
			.body(problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request body",
					"The request body is missing or is not valid JSON of the expected shape"));
	}

	/**
	 * The column H2 names in its message (Value too long for column "NAME CHARACTER
	 * VARYING(100)"), lower case.
	 */
	static String column(String message) {
		Matcher m = Pattern.compile("column \"([A-Za-z_]+)").matcher(message == null ? "" : message);
		return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null;
	}

	static String field(DatabindException e) {
		StringBuilder b = new StringBuilder();
		for (JacksonException.Reference r : e.getPath()) {
			if (r.getPropertyName() != null) {
				b.append(b.length() == 0 ? "" : ".").append(r.getPropertyName());
			}
			else if (r.getIndex() >= 0) {
				b.append('[').append(r.getIndex()).append(']');
			}
		}
		return b.toString();
	}

	private static String reason(DatabindException e) {
		String m = e.getOriginalMessage();
		if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
			return f.getValue() + " is not one of " + Arrays.toString(f.getTargetType().getEnumConstants());
		}
		if (e instanceof InvalidFormatException f && m != null && m.contains(": ")) {
			return m.substring(m.lastIndexOf(": ") + 2); // our own reason after Jackson's
															// "Cannot deserialize value
															// ..."
		}
		if (m != null && m.contains("Floating-point value")) {
			return "must be a whole number (fen are whole)";
		}
		if (e instanceof MismatchedInputException mi && mi.getTargetType() != null) {
			Class<?> t = mi.getTargetType();
			if (t == String.class) {
				return "must be text (a JSON string)";
			}
			if (Number.class.isAssignableFrom(t) || t == long.class || t == int.class) {
				return "must be a whole number";
			}
		}
		return "has the wrong type or format";
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String detail = ex.getBindingResult()
			.getFieldErrors()
			.stream()
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
		if (body instanceof ProblemDetail pd
				&& (pd.getType() == null || "about:blank".equals(pd.getType().toString()))) {
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
