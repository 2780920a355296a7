package org.fanzha.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The append-only audit table. There is deliberately no update or delete here. */
@Repository
class AuditEntries {

	private final JdbcClient jdbc;

	AuditEntries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void append(Instant at, String actor, String agency, AuditAction action, String subjectType, String subjectRef,
			String caseRef, String purpose, String channel) {
		jdbc.sql(
				"""
						INSERT INTO audit_entry (occurred_at, actor, agency_code, action, subject_type, subject_ref, case_ref, purpose, channel)
						VALUES (:at, :actor, :agency, :action, :subjectType, :subjectRef, :caseRef, :purpose, :channel)""")
			.param("at", Timestamp.from(at))
			.param("actor", actor)
			.param("agency", agency)
			.param("action", action.name())
			.param("subjectType", subjectType)
			.param("subjectRef", subjectRef)
			.param("caseRef", caseRef)
			.param("purpose", purpose)
			.param("channel", channel)
			.update();
	}

	List<AuditEntry> search(AuditQuery q) {
		StringBuilder sql = new StringBuilder("SELECT * FROM audit_entry WHERE 1=1");
		List<Object> params = new ArrayList<>();
		if (q.from() != null) {
			sql.append(" AND occurred_at >= ?");
			params.add(Timestamp.from(q.from()));
		}
		if (q.to() != null) {
			sql.append(" AND occurred_at < ?");
			params.add(Timestamp.from(q.to()));
		}
		if (q.actor() != null) {
			sql.append(" AND actor = ?");
			params.add(q.actor());
		}
		if (q.caseRef() != null) {
			sql.append(" AND case_ref = ?");
			params.add(q.caseRef());
		}
		if (q.action() != null) {
			sql.append(" AND action = ?");
			params.add(q.action().name());
		}
		sql.append(" ORDER BY id DESC FETCH FIRST ").append(q.limit()).append(" ROWS ONLY");
		return jdbc.sql(sql.toString())
			.params(params)
			.query((rs, n) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
					rs.getString("actor"), rs.getString("agency_code"), AuditAction.valueOf(rs.getString("action")),
					rs.getString("subject_type"), rs.getString("subject_ref"), rs.getString("case_ref"),
					rs.getString("purpose"), rs.getString("channel")))
			.list();
	}

	Map<LocalDate, Long> countPerDay(Instant from, Instant to, AuditAction action, ZoneId zone) {
		Map<LocalDate, Long> perDay = new TreeMap<>();
		// grouping in Java keeps the SQL portable between H2 and PostgreSQL
		jdbc.sql("SELECT occurred_at FROM audit_entry WHERE occurred_at >= ? AND occurred_at < ? AND action = ?")
			.params(Timestamp.from(from), Timestamp.from(to), action.name())
			.query(rs -> {
				LocalDate day = rs.getTimestamp(1).toInstant().atZone(zone).toLocalDate();
				perDay.merge(day, 1L, Long::sum);
			});
		return perDay;
	}

}
