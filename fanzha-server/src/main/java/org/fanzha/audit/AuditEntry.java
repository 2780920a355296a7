package org.fanzha.audit;

import java.time.Instant;

/**
 * One access to personal data.
 *
 * @param subjectType what kind of record was touched (USER, PERSON, ACCOUNT, …)
 * @param subjectRef the record's key, masked when it is itself personal data
 * @param caseRef the case the access served, null for administration
 * @param channel CONSOLE, API or SYSTEM
 */
public record AuditEntry(long id, Instant occurredAt, String actor, String agencyCode, AuditAction action,
		String subjectType, String subjectRef, String caseRef, String purpose, String channel) {
}
