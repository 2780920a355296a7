package org.fanzha.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.fanzha.core.Beijing;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records accesses to personal data. Joins the caller's transaction: if the caller's
 * write rolls back, its audit entry does too, and if the audit write fails, the caller
 * fails.
 */
@Service
public class AuditTrail {

	private final AuditEntries entries;

	private final Clock clock;

	AuditTrail(AuditEntries entries, Clock clock) {
		this.entries = entries;
		this.clock = clock;
	}

	@Transactional(propagation = Propagation.REQUIRED)
	public void read(String subjectType, String subjectRef, String caseRef, String purpose) {
		record(AuditAction.READ, subjectType, subjectRef, caseRef, purpose);
	}

	@Transactional(propagation = Propagation.REQUIRED)
	public void changed(String subjectType, String subjectRef, String caseRef, String purpose) {
		record(AuditAction.CHANGE, subjectType, subjectRef, caseRef, purpose);
	}

	@Transactional(propagation = Propagation.REQUIRED)
	public void record(AuditAction action, String subjectType, String subjectRef, String caseRef, String purpose) {
		require(subjectType, "subject type");
		require(subjectRef, "subject reference");
		require(purpose, "purpose");
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		String actor = "system";
		String agency = null;
		if (auth != null && auth.isAuthenticated()) {
			actor = auth.getName();
			if (auth.getPrincipal() instanceof AuditedActor a) {
				actor = a.username();
				agency = a.agencyCode();
			}
		}
		entries.append(Instant.now(clock), actor, agency, action, subjectType, subjectRef, caseRef, purpose, channel());
	}

	@Transactional(readOnly = true)
	public List<AuditEntry> search(AuditQuery query) {
		return entries.search(query);
	}

	/** Reads per Beijing day, for the oversight chart. */
	@Transactional(readOnly = true)
	public Map<LocalDate, Long> readsPerDay(Instant from, Instant to) {
		return entries.countPerDay(from, to, AuditAction.READ, zone());
	}

	/**
	 * Days as the console shows them: Beijing days, whatever zone the server's clock runs
	 * in.
	 */
	private ZoneId zone() {
		return Beijing.ZONE;
	}

	private static String channel() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
			HttpServletRequest request = attrs.getRequest();
			return request.getRequestURI().startsWith("/api/") ? "API" : "CONSOLE";
		}
		return "SYSTEM";
	}

	private static void require(String value, String what) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("Audit entry needs a " + what);
		}
	}

}
