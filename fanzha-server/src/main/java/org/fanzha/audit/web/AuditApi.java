package org.fanzha.audit.web;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.fanzha.audit.AuditAction;
import org.fanzha.audit.AuditEntry;
import org.fanzha.audit.AuditQuery;
import org.fanzha.audit.AuditTrail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Audit", description = "Who read or changed personal data")
class AuditApi {

	private final AuditTrail trail;

	AuditApi(AuditTrail trail) {
		this.trail = trail;
	}

	@GetMapping("/api/v1/audit")
	@Operation(summary = "Search the audit log, newest first")
	List<AuditEntry> search(@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
			@RequestParam(required = false) String actor, @RequestParam(name = "case", required = false) String caseRef,
			@RequestParam(required = false) AuditAction action, @RequestParam(defaultValue = "100") int limit) {
		return trail.search(new AuditQuery(from, to, actor, caseRef, action, limit));
	}

}
