package org.fanzha.warnings;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fanzha.core.RegionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Dissuasion tasks (劝阻任务): OPEN, REFERRED (a visit referred up the linkage) or CLOSED
 * with an outcome.
 */
@Repository
class Dissuasions {

	/** What escalation and de-duplication need of a task. */
	record Row(long id, String phone, String region, String grade, String channel, Instant raisedAt, Instant deadline,
			int failedAttempts) {
	}

	/** Tasks raised in a period, grouped for statistics. */
	record Group(String region, String channel, String fraudType, String outcome, long count, long preventedFen) {
	}

	private final JdbcClient jdbc;

	Dissuasions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String phone, String name, String idNumber, String region, String stationCode, String stationName,
			String grade, String channel, String fraudType, List<String> reasons, String smsText, Instant raisedAt,
			Instant deadline, String history) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql(
				"""
						INSERT INTO warning_task (person_phone, person_name, id_number, region, station_code, station_name, grade,
						  channel, fraud_type, reasons, sms_text, raised_at, deadline, status, failed_attempts, history, prevented_fen)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', 0, ?, 0)""")
			.params(phone, name, idNumber, region, stationCode, stationName, grade, channel, fraudType,
					String.join("\n", reasons), smsText, Timestamp.from(raisedAt), Timestamp.from(deadline), history)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	Optional<Row> openFor(String phone) {
		return jdbc.sql("SELECT * FROM warning_task WHERE person_phone = ? AND status <> 'CLOSED' ORDER BY id DESC")
			.param(phone)
			.query(Dissuasions::row)
			.list()
			.stream()
			.findFirst();
	}

	Optional<Row> byRow(long id) {
		return jdbc.sql("SELECT * FROM warning_task WHERE id = ? AND status = 'OPEN'")
			.param(id)
			.query(Dissuasions::row)
			.optional();
	}

	List<Row> raisedSince(Instant from) {
		return jdbc.sql("SELECT * FROM warning_task WHERE raised_at >= ? ORDER BY raised_at, id")
			.param(Timestamp.from(from))
			.query(Dissuasions::row)
			.list();
	}

	/** Open tasks whose deadline has come or whose attempts may have run out. */
	List<Row> due(Instant now) {
		return jdbc.sql(
				"SELECT * FROM warning_task WHERE status = 'OPEN' AND (deadline <= ? OR failed_attempts > 0) ORDER BY id")
			.param(Timestamp.from(now))
			.query(Dissuasions::row)
			.list();
	}

	/**
	 * A new signal raised the grade: the task takes the heavier channel, its deadline and
	 * (for a visit) the station.
	 */
	void raise(long id, String grade, String channel, List<String> reasons, Instant deadline, String stationCode,
			String stationName, String line) {
		jdbc.sql(
				"""
						UPDATE warning_task SET grade = ?, channel = ?, reasons = ?, deadline = ?, station_code = ?, station_name = ?,
						  failed_attempts = 0, status = 'OPEN', history = history || ? WHERE id = ? AND status <> 'CLOSED'""")
			.params(grade, channel, String.join("\n", reasons), Timestamp.from(deadline), stationCode, stationName,
					"\n" + line, id)
			.update();
	}

	boolean escalate(long id, String fromChannel, String grade, String channel, Instant deadline, String stationCode,
			String stationName, String line) {
		return jdbc.sql("""
				UPDATE warning_task SET grade = ?, channel = ?, deadline = ?, station_code = ?, station_name = ?,
				  failed_attempts = 0, history = history || ? WHERE id = ? AND status = 'OPEN' AND channel = ?""")
			.params(grade, channel, Timestamp.from(deadline), stationCode, stationName, "\n" + line, id, fromChannel)
			.update() == 1;
	}

	boolean refer(long id, String line) {
		return jdbc
			.sql("UPDATE warning_task SET status = 'REFERRED', history = history || ? WHERE id = ? AND status = 'OPEN'")
			.params("\n" + line, id)
			.update() == 1;
	}

	boolean attempt(long id, String line) {
		return jdbc.sql("""
				UPDATE warning_task SET failed_attempts = failed_attempts + 1, history = history || ?
				WHERE id = ? AND status <> 'CLOSED'""").params("\n" + line, id).update() == 1;
	}

	boolean close(long id, String outcome, String note, long preventedFen, String actor, Instant at, Long amountAtRisk,
			String historyLine) {
		String line = "\n" + historyLine;
		return jdbc
			.sql("""
					UPDATE warning_task SET status = 'CLOSED', outcome = ?, outcome_note = ?, prevented_fen = ?, closed_by = ?,
					  closed_at = ?, amount_at_risk = ?, history = history || ? WHERE id = ? AND status <> 'CLOSED'""")
			.params(outcome, note, preventedFen, actor, Timestamp.from(at), amountAtRisk, line, id)
			.update() == 1;
	}

	Optional<DissuasionDesk.TaskView> byId(long id) {
		return jdbc.sql("SELECT * FROM warning_task WHERE id = ?").param(id).query(Dissuasions::view).optional();
	}

	/**
	 * A page of a station's or a region's tasks: open ones first, the nearest deadline
	 * first among them.
	 */
	DissuasionDesk.TaskPage search(DissuasionDesk.Viewer viewer, DissuasionDesk.TaskQuery q) {
		StringBuilder where = new StringBuilder();
		Map<String, Object> params = new HashMap<>();
		if (viewer.kind() == DissuasionDesk.Viewer.Kind.STATION) {
			where.append(" WHERE station_code = :station");
			params.put("station", viewer.agencyCode());
		}
		else {
			where.append(" WHERE region LIKE :region");
			params.put("region", viewer.regionPrefix() + "%");
		}
		if (q.status() != null) {
			where.append(q.status().equals("OPEN_ALL") ? " AND status <> 'CLOSED'" : " AND status = :status");
			params.put("status", q.status());
		}
		if (q.fraudType() != null) {
			where.append(" AND fraud_type = :type");
			params.put("type", q.fraudType());
		}
		if (q.from() != null) {
			where.append(" AND raised_at >= :from");
			params.put("from", Timestamp.from(q.from()));
		}
		if (q.to() != null) {
			where.append(" AND raised_at < :to");
			params.put("to", Timestamp.from(q.to()));
		}
		if (q.phone() != null) {
			where.append(" AND person_phone LIKE :phone");
			params.put("phone", "%" + q.phone() + "%");
		}
		long total = jdbc.sql("SELECT COUNT(*) FROM warning_task" + where).params(params).query(Long.class).single();
		List<DissuasionDesk.TaskView> rows = jdbc.sql("SELECT * FROM warning_task" + where
				+ " ORDER BY CASE WHEN status = 'CLOSED' THEN 1 ELSE 0 END, CASE WHEN status = 'CLOSED' THEN NULL ELSE deadline END,"
				+ " id DESC OFFSET " + (long) q.page() * q.size() + " ROWS FETCH NEXT " + q.size() + " ROWS ONLY")
			.params(params)
			.query(Dissuasions::view)
			.list();
		return new DissuasionDesk.TaskPage(rows, q.page(), q.size(), total);
	}

	List<DissuasionDesk.TaskView> forStation(String station, boolean openOnly, int limit) {
		return jdbc.sql("""
				SELECT * FROM warning_task WHERE station_code = ? AND (? = FALSE OR status <> 'CLOSED')
				ORDER BY id DESC FETCH FIRST %d ROWS ONLY""".formatted(limit))
			.params(station, openOnly)
			.query(Dissuasions::view)
			.list();
	}

	List<DissuasionDesk.TaskView> forRegion(String prefix, boolean openOnly, int limit) {
		return jdbc.sql("""
				SELECT * FROM warning_task WHERE region LIKE ? AND (? = FALSE OR status <> 'CLOSED')
				ORDER BY id DESC FETCH FIRST %d ROWS ONLY""".formatted(limit))
			.params(prefix + "%", openOnly)
			.query(Dissuasions::view)
			.list();
	}

	List<Group> groups(Instant from, Instant to, String prefix) {
		return jdbc.sql("""
				SELECT region, channel, fraud_type, outcome, COUNT(*) AS n, SUM(prevented_fen) AS prevented
				FROM warning_task WHERE raised_at >= ? AND raised_at < ? AND region LIKE ?
				GROUP BY region, channel, fraud_type, outcome""")
			.params(Timestamp.from(from), Timestamp.from(to), prefix + "%")
			.query((rs, n) -> new Group(rs.getString("region"), rs.getString("channel"), rs.getString("fraud_type"),
					rs.getString("outcome"), rs.getLong("n"), rs.getLong("prevented")))
			.list();
	}

	long overdue(Instant now, String prefix) {
		return jdbc
			.sql("SELECT COUNT(*) FROM warning_task WHERE status <> 'CLOSED' AND deadline <= ? AND region LIKE ?")
			.params(Timestamp.from(now), prefix + "%")
			.query(Long.class)
			.single();
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getLong("id"), rs.getString("person_phone"), rs.getString("region"), rs.getString("grade"),
				rs.getString("channel"), rs.getTimestamp("raised_at").toInstant(),
				rs.getTimestamp("deadline").toInstant(), rs.getInt("failed_attempts"));
	}

	private static DissuasionDesk.TaskView view(ResultSet rs, int n) throws SQLException {
		Timestamp closed = rs.getTimestamp("closed_at");
		long risk = rs.getLong("amount_at_risk");
		Long amountAtRisk = rs.wasNull() ? null : risk;
		String region = rs.getString("region");
		return new DissuasionDesk.TaskView(rs.getLong("id"), rs.getString("person_phone"), rs.getString("person_name"),
				rs.getString("id_number"), region,
				RegionCode.isValid(region) ? RegionCode.of(region).name().orElse(region) : region,
				rs.getString("station_code"), rs.getString("station_name"), rs.getString("grade"),
				rs.getString("channel"), rs.getString("fraud_type"), lines(rs.getString("reasons")),
				rs.getString("sms_text"), rs.getTimestamp("raised_at").toInstant(),
				rs.getTimestamp("deadline").toInstant(), rs.getString("status"), rs.getInt("failed_attempts"),
				lines(rs.getString("history")), amountAtRisk, rs.getString("outcome"), rs.getString("outcome_note"),
				rs.getLong("prevented_fen"), rs.getString("closed_by"), closed == null ? null : closed.toInstant());
	}

	private static List<String> lines(String s) {
		return s == null || s.isEmpty() ? List.of() : List.of(s.split("\n"));
	}

}
