package org.fanzha.telecom;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * SIM issuance checks and measures on SIMs in a period, per operator: aggregates only.
 */
@Service
public class TelecomStatistics {

	/**
	 * @param checksByDecision issuance checks by decision (ALLOW, REVIEW, REFUSE)
	 * @param measuresByKind measures put on SIMs by kind (REVERIFY, RESTRICT_OUTGOING,
	 * SUSPEND)
	 */
	public record Operator(String operator, Map<String, Long> checksByDecision, Map<String, Long> measuresByKind,
			long simBoxes, long appeals, long lifted) {
	}

	private final JdbcClient jdbc;

	TelecomStatistics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Map<String, Operator> byOperator(Instant from, Instant to) {
		Timestamp f = Timestamp.from(from);
		Timestamp t = Timestamp.from(to);
		Map<String, Map<String, Long>> checks = new TreeMap<>();
		jdbc.sql(
				"""
						SELECT operator, decision, COUNT(*) AS n FROM telecom_application WHERE checked_at >= ? AND checked_at < ?
						GROUP BY operator, decision""")
			.params(f, t)
			.query((rs, n) -> Map.entry(rs.getString("operator") + "\n" + rs.getString("decision"), rs.getLong("n")))
			.list()
			.forEach(e -> checks.computeIfAbsent(e.getKey().split("\n")[0], k -> new TreeMap<>())
				.put(e.getKey().split("\n")[1], e.getValue()));
		Map<String, Map<String, Long>> measures = new TreeMap<>();
		Map<String, long[]> other = new TreeMap<>();
		jdbc.sql("""
				SELECT operator, measure, SUM(CASE WHEN sim_box THEN 1 ELSE 0 END) AS boxes,
				  SUM(CASE WHEN appealed_at IS NOT NULL THEN 1 ELSE 0 END) AS appeals,
				  SUM(CASE WHEN status = 'LIFTED' THEN 1 ELSE 0 END) AS lifted, COUNT(*) AS n
				FROM telecom_measure WHERE since >= ? AND since < ? GROUP BY operator, measure""")
			.params(f, t)
			.query((rs, n) -> {
				String op = rs.getString("operator");
				measures.computeIfAbsent(op, k -> new TreeMap<>()).put(rs.getString("measure"), rs.getLong("n"));
				long[] o = other.computeIfAbsent(op, k -> new long[3]);
				o[0] += rs.getLong("boxes");
				o[1] += rs.getLong("appeals");
				o[2] += rs.getLong("lifted");
				return op;
			})
			.list();
		Map<String, Operator> out = new TreeMap<>();
		Set<String> ops = new TreeSet<>(checks.keySet());
		ops.addAll(measures.keySet());
		for (String op : ops) {
			long[] o = other.getOrDefault(op, new long[3]);
			out.put(op, new Operator(op, checks.getOrDefault(op, Map.of()), measures.getOrDefault(op, Map.of()), o[0],
					o[1], o[2]));
		}
		return out;
	}

}
