package org.fanzha.telecom;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Measures on SIMs and their appeals. */
@Repository
class Measures {

	private final JdbcClient jdbc;

	Measures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A new measure replaces the one in force on the phone (kept as SUPERSEDED). */
	long insert(SimControl.MeasureView m) {
		jdbc.sql(
				"UPDATE telecom_measure SET status = 'SUPERSEDED' WHERE phone = ? AND status IN ('ACTIVE', 'APPEALED')")
			.param(m.phone())
			.update();
		var keys = new GeneratedKeyHolder();
		jdbc.sql(
				"""
						INSERT INTO telecom_measure (phone, operator, measure, sim_box, reasons, documents, appeal_channel,
						  rules_version, since, reverify_by, status, decided_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?)""")
			.params(m.phone(), m.operator(), m.measure(), m.simBox(), String.join("\n", m.reasons()),
					String.join("\n", m.documents()), m.appealChannel(), m.rulesVersion(), Timestamp.from(m.since()),
					m.reverifyBy() == null ? null : Timestamp.from(m.reverifyBy()), m.decidedBy())
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	Optional<SimControl.MeasureView> byId(long id) {
		return jdbc.sql("SELECT * FROM telecom_measure WHERE id = ?").param(id).query(Measures::view).optional();
	}

	List<SimControl.MeasureView> list(String operatorOrNull, boolean openOnly, int limit) {
		return jdbc
			.sql("""
					SELECT * FROM telecom_measure
					WHERE (CAST(? AS VARCHAR(16)) IS NULL OR operator = ?) AND (? = FALSE OR status IN ('ACTIVE', 'APPEALED'))
					ORDER BY id DESC""")
			.params(operatorOrNull, operatorOrNull, openOnly)
			.query(Measures::view)
			.list()
			.stream()
			.limit(limit)
			.toList();
	}

	/**
	 * The urgent first: under appeal, then in force, then the rest; newest first within
	 * each.
	 */
	private static final String URGENCY = """
			ORDER BY CASE status WHEN 'APPEALED' THEN 0 WHEN 'ACTIVE' THEN 1 ELSE 2 END, since DESC, id DESC""";

	private static final String FILTER = """
			WHERE (CAST(? AS VARCHAR(16)) IS NULL OR operator = ?)
			  AND (CAST(? AS VARCHAR(12)) IS NULL OR status IN (?, ?, ?))
			  AND (CAST(? AS VARCHAR(20)) IS NULL OR phone LIKE ?)""";

	/**
	 * One page of measures: of an operator (null: all), in a status (null: any;
	 * {@code OPEN}: active or under appeal; {@code CURRENT}: all but those superseded),
	 * on phones containing the digits given (null: any).
	 */
	List<SimControl.MeasureView> page(String operatorOrNull, String statusOrNull, String digitsOrNull, int offset,
			int limit) {
		return jdbc.sql("SELECT * FROM telecom_measure " + FILTER + URGENCY + " LIMIT ? OFFSET ?")
			.params(filter(operatorOrNull, statusOrNull, digitsOrNull, limit, offset))
			.query(Measures::view)
			.list();
	}

	long count(String operatorOrNull, String statusOrNull, String digitsOrNull) {
		return jdbc.sql("SELECT COUNT(*) FROM telecom_measure " + FILTER)
			.params(filter(operatorOrNull, statusOrNull, digitsOrNull))
			.query(Long.class)
			.single();
	}

	private static List<Object> filter(String operator, String status, String digits, Object... more) {
		String like = digits == null ? null : "%" + digits + "%";
		List<String> in = switch (status == null ? "" : status) {
			case "" -> Arrays.asList(null, null, null);
			case "OPEN" -> List.of("ACTIVE", "APPEALED", "APPEALED");
			case "CURRENT" -> List.of("ACTIVE", "APPEALED", "LIFTED");
			default -> List.of(status, status, status);
		};
		List<Object> out = new ArrayList<>(
				Arrays.asList(operator, operator, in.get(0), in.get(0), in.get(1), in.get(2), digits, like));
		out.addAll(List.of(more));
		return out;
	}

	/**
	 * Every measure taken on a phone (of the operator, or of any when null), newest
	 * first.
	 */
	List<SimControl.MeasureView> onPhone(String phone, String operatorOrNull) {
		return jdbc.sql("""
				SELECT * FROM telecom_measure WHERE phone = ? AND (CAST(? AS VARCHAR(16)) IS NULL OR operator = ?)
				ORDER BY since DESC, id DESC""")
			.params(phone, operatorOrNull, operatorOrNull)
			.query(Measures::view)
			.list();
	}

	/**
	 * The measure in force (active or under appeal) on a phone of the operator, if any.
	 */
	Optional<SimControl.MeasureView> inForce(String phone, String operator) {
		return jdbc.sql("""
				SELECT * FROM telecom_measure WHERE phone = ? AND operator = ? AND status IN ('ACTIVE', 'APPEALED')
				ORDER BY id DESC""").params(phone, operator).query(Measures::view).list().stream().findFirst();
	}

	boolean appeal(long id, String statement, String documents, Instant at) {
		return jdbc
			.sql("""
					UPDATE telecom_measure SET status = 'APPEALED', appeal_statement = ?, appeal_documents = ?, appealed_at = ?
					WHERE id = ? AND status = 'ACTIVE'""")
			.params(statement, documents, Timestamp.from(at), id)
			.update() == 1;
	}

	boolean close(long id, String fromStatus, String toStatus, String actor, Instant at, String note) {
		return jdbc.sql("""
				UPDATE telecom_measure SET status = ?, closed_by = ?, closed_at = ?, close_note = ?
				WHERE id = ? AND status = ?""")
			.params(toStatus, actor, Timestamp.from(at), note, id, fromStatus)
			.update() == 1;
	}

	private static SimControl.MeasureView view(ResultSet rs, int n) throws SQLException {
		Timestamp reverify = rs.getTimestamp("reverify_by");
		Timestamp appealed = rs.getTimestamp("appealed_at");
		Timestamp closed = rs.getTimestamp("closed_at");
		return new SimControl.MeasureView(rs.getLong("id"), rs.getString("phone"), rs.getString("operator"),
				rs.getString("measure"), rs.getBoolean("sim_box"), lines(rs.getString("reasons")),
				lines(rs.getString("documents")), rs.getString("appeal_channel"), rs.getInt("rules_version"),
				rs.getTimestamp("since").toInstant(), reverify == null ? null : reverify.toInstant(),
				rs.getString("status"), rs.getString("decided_by"), rs.getString("appeal_statement"),
				rs.getString("appeal_documents"), appealed == null ? null : appealed.toInstant(),
				rs.getString("closed_by"), closed == null ? null : closed.toInstant(), rs.getString("close_note"));
	}

	private static List<String> lines(String s) {
		return s == null || s.isEmpty() ? List.of() : List.of(s.split("\n"));
	}

}
