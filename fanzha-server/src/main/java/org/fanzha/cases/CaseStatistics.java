package org.fanzha.cases;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reports and losses for a period, grouped by victim county, fraud type and receiving
 * agency: aggregates only.
 */
@Service
public class CaseStatistics {

	/** One group of reports; {@code region} is the victim's county code. */
	public record Group(String region, String fraudType, String agencyCode, long reports, long lossFen) {
	}

	private final JdbcClient jdbc;

	CaseStatistics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Reports received in [from, to). */
	public List<Group> groups(Instant from, Instant to) {
		return jdbc.sql("""
				SELECT victim_region, fraud_type, agency_code, COUNT(*) AS n, SUM(loss_fen) AS loss FROM case_report
				WHERE reported_at >= ? AND reported_at < ? GROUP BY victim_region, fraud_type, agency_code""")
			.params(Timestamp.from(from), Timestamp.from(to))
			.query((rs, n) -> new Group(rs.getString("victim_region").strip(), rs.getString("fraud_type"),
					rs.getString("agency_code"), rs.getLong("n"), rs.getLong("loss")))
			.list();
	}

}
