package org.fanzha.platform;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.fanzha.core.JsonText;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Writes RFC 9457 problem details where no MVC handler runs (servlet filters, security
 * entry points). Kept dependency-free so that a failure while reporting a failure cannot
 * happen.
 */
public final class Problems {

	/**
	 * Base of the {@code type} URIs; each problem kind is documented in
	 * docs/api-errors.md.
	 */
	public static final String TYPE_BASE = "https://fanzha.org/problems/";

	private Problems() {
	}

	public static URI type(String slug) {
		return URI.create(TYPE_BASE + slug);
	}

	public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String slug,
			String title, String detail) throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		String json = "{\"type\":" + quote(TYPE_BASE + slug) + ",\"title\":" + quote(title) + ",\"status\":"
				+ status.value() + ",\"detail\":" + quote(detail) + ",\"instance\":" + quote(request.getRequestURI())
				+ "}";
		response.getWriter().write(json);
	}

	static String quote(String s) {
		return JsonText.quote(s);
	}

}
