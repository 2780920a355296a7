package org.fanzha.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.fanzha.core.FraudType;
import org.fanzha.core.Masking;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class CaseReports {

	private final JdbcClient jdbc;

	CaseReports(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String agency, Intake in, Instant reportedAt, Instant received, Instant deadline, Instant entered,
			long loss, String createdBy) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql(
				"""
						INSERT INTO case_report (case_number, agency_code, reported_at, received_at, first_level_deadline,
						  first_level_entered_at, victim_name, victim_id_number, victim_phone, victim_region, fraud_type, narrative,
						  loss_fen, created_by)
						VALUES (:number, :agency, :reported, :received, :deadline, :entered, :name, :id, :phone, :region, :type,
						  :narrative, :loss, :by)""")
			.param("number", "PENDING-" + UUID.randomUUID())
			.param("agency", agency)
			.param("reported", Timestamp.from(reportedAt))
			.param("received", Timestamp.from(received))
			.param("deadline", Timestamp.from(deadline))
			.param("entered", entered == null ? null : Timestamp.from(entered))
			.param("name", in.victim().name().strip())
			.param("id", in.victim().idNumber())
			.param("phone", in.victim().phone())
			.param("region", in.victim().regionCode())
			.param("type", in.fraudType())
			.param("narrative", in.narrative())
			.param("loss", loss)
			.param("by", createdBy)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void setNumber(long id, String number) {
		jdbc.sql("UPDATE case_report SET case_number = ? WHERE id = ?").params(number, id).update();
	}

	void addPayment(long caseId, Intake.Payment p, Instant entered) {
		jdbc.sql(
				"""
						INSERT INTO case_payment (case_id, payer_account, payee_name, payee_account, payee_bank, amount_fen, paid_at,
						  transfer_id, entered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(caseId, p.payerAccount(), p.payeeName().strip(), p.payeeAccount(), p.payeeBank(), p.amountFen(),
					Timestamp.from(p.paidAt()), p.transferId(), Timestamp.from(entered))
			.update();
	}

	void addSuspect(long caseId, String kind, String value, String platform) {
		jdbc.sql("INSERT INTO case_suspect (case_id, kind, identifier, platform) VALUES (?, ?, ?, ?)")
			.params(caseId, kind, value, platform)
			.update();
	}

	void markEntered(long caseId, Instant at, long addedLoss) {
		jdbc.sql("""
				UPDATE case_report SET loss_fen = loss_fen + ?,
				  first_level_entered_at = COALESCE(first_level_entered_at, ?) WHERE id = ?""")
			.params(addedLoss, Timestamp.from(at), caseId)
			.update();
	}

	Optional<Long> idOf(String caseNumber) {
		return jdbc.sql("SELECT id FROM case_report WHERE case_number = ?")
			.param(caseNumber)
			.query(Long.class)
			.optional();
	}

	List<CaseSummary> list(String agencyOrNull, int limit, Instant now) {
		String where = agencyOrNull == null ? "" : " WHERE r.agency_code = :agency";
		var q = jdbc.sql("""
				SELECT r.*, (SELECT COUNT(*) FROM case_payment p WHERE p.case_id = r.id) AS payments
				FROM case_report r""" + where + " ORDER BY r.reported_at DESC FETCH FIRST " + limit + " ROWS ONLY");
		if (agencyOrNull != null) {
			q = q.param("agency", agencyOrNull);
		}
		return q.query((rs, n) -> summary(rs, now)).list();
	}

	/** One page of the filtered list and the number of all matching rows. */
	CaseRegister.Page search(CaseRegister.Query q, Instant now) {
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		Map<String, Object> params = new HashMap<>();
		params.put("now", Timestamp.from(now));
		if (q.agencyOrNull() != null) {
			where.append(" AND r.agency_code = :agency");
			params.put("agency", q.agencyOrNull());
		}
		if (q.status() != null) {
			where.append(switch (q.status()) {
				case RUNNING -> " AND r.first_level_entered_at IS NULL AND r.first_level_deadline > :now";
				case OVERDUE -> " AND ((r.first_level_entered_at IS NULL AND r.first_level_deadline <= :now)"
						+ " OR r.first_level_entered_at > r.first_level_deadline)";
				case ENTERED ->
					" AND r.first_level_entered_at IS NOT NULL AND r.first_level_entered_at <= r.first_level_deadline";
				case WAITING -> " AND r.first_level_entered_at IS NULL";
				case LAPSED -> " AND r.first_level_entered_at IS NULL AND r.first_level_deadline <= :now";
			});
		}
		if (q.fraudType() != null) {
			where.append(" AND r.fraud_type = :type");
			params.put("type", q.fraudType().name());
		}
		if (q.from() != null) {
			where.append(" AND r.reported_at >= :from");
			params.put("from", Timestamp.from(q.from()));
		}
		if (q.to() != null) {
			where.append(" AND r.reported_at < :to");
			params.put("to", Timestamp.from(q.to()));
		}
		if (q.text() != null) {
			// a case number (or part of one), or an account the victim paid or a suspect
			// used
			where.append(" ").append("""
					AND (r.case_number LIKE :like
					  OR EXISTS (SELECT 1 FROM case_payment p WHERE p.case_id = r.id
					    AND (p.payee_account = :text OR p.payer_account = :text))
					  OR EXISTS (SELECT 1 FROM case_suspect s WHERE s.case_id = r.id AND s.identifier = :text))""");
			params.put("like", "%" + q.text() + "%");
			params.put("text", q.text());
		}
		long total = jdbc.sql("SELECT COUNT(*) FROM case_report r" + where).params(params).query(Long.class).single();
		// clocks are queues: running ones by the nearest deadline, lapsed ones the latest
		// first (days-old ones must not
		// hide those still savable); otherwise the newest report first
		String order = switch (q.status() == null ? CaseRegister.Status.ENTERED : q.status()) {
			case RUNNING -> " ORDER BY r.first_level_deadline, r.id";
			case LAPSED -> " ORDER BY r.first_level_deadline DESC, r.id DESC";
			case WAITING -> " ORDER BY CASE WHEN r.first_level_deadline > :now THEN 0 ELSE 1 END,"
					+ " CASE WHEN r.first_level_deadline > :now THEN r.first_level_deadline END,"
					+ " r.first_level_deadline DESC, r.id";
			default -> " ORDER BY r.reported_at DESC, r.id DESC";
		};
		List<CaseSummary> rows = jdbc
			.sql("""
					SELECT r.*, (SELECT COUNT(*) FROM case_payment p WHERE p.case_id = r.id) AS payments
					FROM case_report r""" + where + order + " OFFSET " + (long) q.page() * q.size()
					+ " ROWS FETCH NEXT " + q.size() + " ROWS ONLY")
			.params(params)
			.query((rs, n) -> summary(rs, now))
			.list();
		return new CaseRegister.Page(rows, q.page(), q.size(), total);
	}

	Optional<CaseSummary> summary(String caseNumber, Instant now) {
		return jdbc.sql("""
				SELECT r.*, (SELECT COUNT(*) FROM case_payment p WHERE p.case_id = r.id) AS payments
				FROM case_report r WHERE r.case_number = ?""")
			.param(caseNumber)
			.query((rs, n) -> summary(rs, now))
			.optional();
	}

	Optional<CaseDetail> detail(String caseNumber, Instant now) {
		return summary(caseNumber, now).map(s -> {
			record Row(Intake.Victim victim, String narrative, long id) {
			}
			Row row = jdbc.sql("SELECT * FROM case_report WHERE case_number = ?")
				.param(caseNumber)
				.query((rs, n) -> new Row(
						new Intake.Victim(rs.getString("victim_name"), rs.getString("victim_id_number"),
								rs.getString("victim_phone"), rs.getString("victim_region")),
						rs.getString("narrative"), rs.getLong("id")))
				.single();
			List<Intake.Payment> payments = jdbc
				.sql("SELECT * FROM case_payment WHERE case_id = ? ORDER BY paid_at, id")
				.param(row.id())
				.query((rs, n) -> new Intake.Payment(rs.getString("payer_account"), rs.getString("payee_name"),
						rs.getString("payee_account"), rs.getString("payee_bank"), rs.getLong("amount_fen"),
						rs.getTimestamp("paid_at").toInstant(), rs.getString("transfer_id")))
				.list();
			List<CaseDetail.Suspect> suspects = jdbc
				.sql("SELECT kind, identifier, platform FROM case_suspect WHERE case_id = ? ORDER BY id")
				.param(row.id())
				.query((rs, n) -> new CaseDetail.Suspect(rs.getString(1), rs.getString(2), rs.getString(3)))
				.list();
			return new CaseDetail(s, row.victim(), row.narrative(), payments, suspects);
		});
	}

	private static CaseSummary summary(ResultSet rs, Instant now) throws SQLException {
		Instant deadline = rs.getTimestamp("first_level_deadline").toInstant();
		Timestamp entered = rs.getTimestamp("first_level_entered_at");
		Instant e = entered == null ? null : entered.toInstant();
		boolean overdue = e == null ? now.isAfter(deadline) : e.isAfter(deadline);
		String name = rs.getString("victim_name");
		return new CaseSummary(rs.getString("case_number"), rs.getString("agency_code"),
				rs.getTimestamp("reported_at").toInstant(), FraudType.parse(rs.getString("fraud_type")).orElse(null),
				rs.getLong("loss_fen"), rs.getInt("payments"), deadline, e, overdue, Masking.mask(name, 1, 0));
	}

}
