package org.fanzha.telecom;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.fanzha.core.IdNumber;
import org.fanzha.core.Operator;
import org.fanzha.engine.telecom.AgentScores;
import org.fanzha.engine.telecom.SimRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The issued SIMs and the checks made, as the per-ID, per-address and per-agent counts
 * need them.
 */
@Repository
class IssuedSims implements SimRegistry {

	private final JdbcClient jdbc;

	IssuedSims(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public int simsHeld(IdNumber id, Operator operator) {
		return jdbc.sql("SELECT COUNT(*) FROM telecom_sim WHERE id_number = ? AND operator = ? AND status = 'ACTIVE'")
			.params(id.value(), operator.name())
			.query(Integer.class)
			.single();
	}

	@Override
	public int simsHeldTotal(IdNumber id) {
		return jdbc.sql("SELECT COUNT(*) FROM telecom_sim WHERE id_number = ? AND status = 'ACTIVE'")
			.param(id.value())
			.query(Integer.class)
			.single();
	}

	@Override
	public int applicationsSince(IdNumber id, LocalDate from) {
		return jdbc.sql("SELECT COUNT(*) FROM telecom_application WHERE id_number = ? AND application_day >= ?")
			.params(id.value(), Date.valueOf(from))
			.query(Integer.class)
			.single();
	}

	@Override
	public int cardsShippedTo(String normalisedAddress, LocalDate from) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM telecom_application
				WHERE address = ? AND application_day >= ? AND decision <> 'REFUSE'""")
			.params(normalisedAddress, Date.valueOf(from))
			.query(Integer.class)
			.single();
	}

	boolean applicationExists(String operator, String applicationId) {
		return jdbc.sql("SELECT COUNT(*) FROM telecom_application WHERE operator = ? AND application_id = ?")
			.params(operator, applicationId)
			.query(Integer.class)
			.single() > 0;
	}

	void insertApplication(String operator, String applicationId, String idNumber, String agent, String address,
			String decision, String reasons, LocalDate day, Instant at, String actor) {
		jdbc.sql(
				"""
						INSERT INTO telecom_application (operator, application_id, id_number, agent_id, address, decision, reasons,
						  application_day, checked_at, checked_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(operator, applicationId, idNumber, agent, address, decision, reasons, Date.valueOf(day),
					Timestamp.from(at), actor)
			.update();
	}

	List<SimIssuance.ApplicationView> applications(String operator, int limit) {
		return jdbc.sql("""
				SELECT * FROM telecom_application WHERE operator = ? ORDER BY id DESC""")
			.param(operator)
			.query((rs, n) -> new SimIssuance.ApplicationView(rs.getString("application_id"), rs.getString("operator"),
					rs.getString("id_number"), rs.getString("agent_id"), rs.getString("address"),
					rs.getString("decision"),
					rs.getString("reasons").isEmpty() ? List.of() : List.of(rs.getString("reasons").split("\n")),
					rs.getDate("application_day").toLocalDate(), rs.getTimestamp("checked_at").toInstant(),
					rs.getString("checked_by")))
			.list()
			.stream()
			.limit(limit)
			.toList();
	}

	private static final String AGENT_COUNTS = """
			SELECT s.agent_id, COUNT(*) AS sold, SUM(CASE WHEN EXISTS (SELECT 1 FROM telecom_measure m WHERE m.phone = s.phone
			  AND m.measure IN ('RESTRICT_OUTGOING', 'SUSPEND') AND m.status IN ('ACTIVE', 'APPEALED')) THEN 1 ELSE 0 END) AS fraud
			FROM telecom_sim s WHERE %s GROUP BY s.agent_id""";

	/**
	 * Cards sold and fraud cards among them (restricted or suspended, not lifted), per
	 * agent of the operator.
	 */
	AgentScores agentScores(String operatorOrNull) {
		return operatorOrNull == null ? scores(jdbc.sql(AGENT_COUNTS.formatted("1 = 1")))
				: scores(jdbc.sql(AGENT_COUNTS.formatted("s.operator = ?")).param(operatorOrNull));
	}

	/**
	 * An agent whose cards keep turning out to be fraud SIMs: its applications get an
	 * extra check.
	 */
	@Override
	public boolean agentWatched(String agentId) {
		return scores(jdbc.sql(AGENT_COUNTS.formatted("s.agent_id = ?")).param(agentId)).listed()
			.stream()
			.anyMatch(s -> s.agentId().equals(agentId));
	}

	private static AgentScores scores(JdbcClient.StatementSpec rows) {
		AgentScores scores = new AgentScores();
		rows.query((rs, n) -> {
			String agent = rs.getString("agent_id");
			scores.sold(agent, rs.getLong("sold"));
			for (long f = rs.getLong("fraud"); f > 0; f--) {
				scores.fraud(agent);
			}
			return agent;
		}).list();
		return scores;
	}

	boolean simExists(String phone) {
		return jdbc.sql("SELECT COUNT(*) FROM telecom_sim WHERE phone = ?")
			.param(phone)
			.query(Integer.class)
			.single() > 0;
	}

	void insertSim(String phone, String operator, String idNumber, String agent, String applicationId, LocalDate on,
			Instant at) {
		jdbc.sql("""
				INSERT INTO telecom_sim (phone, operator, id_number, agent_id, application_id, activated_on, status,
				  registered_at) VALUES (?, ?, ?, ?, ?, ?, 'ACTIVE', ?)""")
			.params(phone, operator, idNumber, agent, applicationId, Date.valueOf(on), Timestamp.from(at))
			.update();
	}

}
