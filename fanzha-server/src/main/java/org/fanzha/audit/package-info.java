/**
 * Audit of personal data: who read or changed whose data, when, through which channel and
 * for which case. The log is append-only: the database itself refuses UPDATE, DELETE and
 * TRUNCATE on it (see the vendor-specific Flyway migrations). Other modules call
 * {@link org.fanzha.audit.AuditTrail} in the same transaction as the read or change, so
 * an access that cannot be recorded does not happen.
 */
@ApplicationModule(displayName = "Audit")
package org.fanzha.audit;

import org.springframework.modulith.ApplicationModule;
