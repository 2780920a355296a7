package org.fanzha.audit;

import java.time.Instant;

/**
 * Filter for the audit log; null fields do not filter.
 *
 * @param limit at most this many entries, newest first (1 to 1000)
 */
public record AuditQuery(Instant from, Instant to, String actor, String caseRef, AuditAction action, int limit) {

	public AuditQuery {
		if (limit < 1 || limit > 1000) {
			throw new IllegalArgumentException("limit must be between 1 and 1000, got " + limit);
		}
		if (from != null && to != null && from.isAfter(to)) {
			throw new IllegalArgumentException("from must not be after to");
		}
	}
}
