package org.fanzha.audit.internal;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.fanzha.audit.AuditTrail;
import org.fanzha.audit.PersonalData;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Writes the audit entry of every request to a {@link PersonalData} handler, console and
 * API alike, in one place instead of in each controller. Runs after security (a refused
 * request reads nothing) and before the handler.
 */
@Configuration(proxyBeanMethods = false)
class PersonalDataReads implements WebMvcConfigurer, HandlerInterceptor {

	private final AuditTrail audit;

	PersonalDataReads(AuditTrail audit) {
		this.audit = audit;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		PersonalData p = handler instanceof HandlerMethod method ? method.getMethodAnnotation(PersonalData.class)
				: null;
		if (p != null && "GET".equals(request.getMethod())) {
			Object vars = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
			String caseNumber = vars instanceof Map<?, ?> m && m.get("caseNumber") instanceof String c ? c : null;
			String ref = request.getRequestURI();
			if (request.getQueryString() != null) {
				ref += "?" + request.getQueryString();
			}
			audit.read(p.value(), ref.length() > 100 ? ref.substring(0, 100) : ref, caseNumber, p.purpose());
		}
		return true;
	}

}
