package org.fanzha.identity.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.fanzha.platform.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 on the API as RFC 9457 problem details. */
class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
			throws IOException {
		response.setHeader("WWW-Authenticate", "Bearer realm=\"fanzha\", Basic realm=\"fanzha\"");
		Problems.write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required",
				"Send HTTP basic credentials or a bearer token issued by the platform administrator");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
			throws IOException {
		Problems.write(request, response, HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
				"Your role does not give access to " + request.getRequestURI());
	}

}
