package org.fanzha.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.fanzha.platform.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A failed console page is a Chinese page in the console layout (error/404, error/403,
 * error/400, error/500), never the API's problem JSON and never Spring's Whitelabel page.
 * Runs before the exception handlers, and leaves {@code /api/**} to them: banks read RFC
 * 9457 there.
 */
@Component
class ConsoleErrors implements HandlerExceptionResolver, Ordered {

	private static final Logger log = LoggerFactory.getLogger(ConsoleErrors.class);

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception e) {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			return null;
		}
		int status = e instanceof NotFoundException ? 404 : e instanceof AccessDeniedException ? 403
				: e instanceof ErrorResponse r ? r.getStatusCode().value() : 500;
		if (status >= 500) {
			log.error("Console page {} failed", request.getRequestURI(), e);
		}
		response.setStatus(status);
		String view = status == 404 || status == 403 ? "error/" + status : status >= 500 ? "error/500" : "error/400";
		return new ModelAndView(view).addObject("status", status);
	}

	@Override
	public int getOrder() {
		// after Boot's DefaultErrorAttributes (which only remembers the exception),
		// before the exception handlers
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

}
