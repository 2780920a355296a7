package org.fanzha.monitoring;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rule set versions analysts loaded. */
@Repository
class RuleSets {

	private final JdbcClient jdbc;

	RuleSets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(int version, String rules, String actor, Instant at, String note) {
		jdbc.sql("INSERT INTO monitoring_rule_set (version, rules, loaded_by, loaded_at, note) VALUES (?, ?, ?, ?, ?)")
			.params(version, rules, actor, Timestamp.from(at), note)
			.update();
	}

	Optional<MonitoringRules.RuleSetView> latest() {
		return jdbc.sql("SELECT * FROM monitoring_rule_set ORDER BY version DESC")
			.query(RuleSets::view)
			.list()
			.stream()
			.findFirst();
	}

	List<MonitoringRules.RuleSetView> all() {
		return jdbc.sql("SELECT * FROM monitoring_rule_set ORDER BY version DESC").query(RuleSets::view).list();
	}

	private static MonitoringRules.RuleSetView view(ResultSet rs, int row) throws SQLException {
		return new MonitoringRules.RuleSetView(rs.getInt("version"), rs.getString("rules"), rs.getString("loaded_by"),
				rs.getTimestamp("loaded_at").toInstant(), rs.getString("note"));
	}

}
