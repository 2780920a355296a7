package org.fanzha.funds;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Money stopped, frozen and returned in a period, per agency that filed the case (the case number's prefix):
 * aggregates only. A stop counts when the bank executed it in the period, a freeze when it took effect, a return when
 * the bank paid it out.
 */
@Service
public class FundStatistics {

	/** One agency's figures for the period. */
	public record Agency(String agencyCode, long stopsIssued, long stopsExecuted, long stoppedFen, long freezes,
			long frozenFen, long returnsExecuted, long returnedFen) {
	}

	private final JdbcClient jdbc;

	FundStatistics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Agency> byAgency(Instant from, Instant to) {
		Timestamp f = Timestamp.from(from);
		Timestamp t = Timestamp.from(to);
		java.util.Map<String, long[]> acc = new java.util.TreeMap<>();
		jdbc.sql("""
				SELECT case_number, COUNT(*) AS n FROM stop_instruction WHERE issued_at >= ? AND issued_at < ?
				GROUP BY case_number""").params(f, t).query().listOfRows()
				.forEach(r -> add(acc, r, 0, "n", -1, null));
		jdbc.sql("""
				SELECT case_number, COUNT(*) AS n, SUM(stopped_fen) AS fen FROM stop_instruction
				WHERE executed_at >= ? AND executed_at < ? AND status IN ('EXECUTED', 'PARTIALLY_EXECUTED') GROUP BY case_number""")
				.params(f, t).query().listOfRows().forEach(r -> add(acc, r, 1, "n", 2, "fen"));
		jdbc.sql("""
				SELECT case_number, COUNT(*) AS n, SUM(frozen_fen) AS fen FROM freeze_order
				WHERE frozen_at >= ? AND frozen_at < ? AND frozen_fen IS NOT NULL GROUP BY case_number""")
				.params(f, t).query().listOfRows().forEach(r -> add(acc, r, 3, "n", 4, "fen"));
		jdbc.sql("""
				SELECT s.case_number, COUNT(*) AS n, SUM(s.amount_fen) AS fen FROM return_share s
				JOIN return_round r ON r.id = s.round_id
				WHERE r.status = 'EXECUTED' AND r.executed_at >= ? AND r.executed_at < ? GROUP BY s.case_number""")
				.params(f, t).query().listOfRows().forEach(r -> add(acc, r, 5, "n", 6, "fen"));
		return acc.entrySet().stream().map(e -> {
			long[] v = e.getValue();
			return new Agency(e.getKey(), v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
		}).toList();
	}

	private static void add(java.util.Map<String, long[]> acc, java.util.Map<String, Object> row, int countAt,
			String countKey, int sumAt, String sumKey) {
		long[] v = acc.computeIfAbsent(agencyOf(value(row, "case_number").toString()), k -> new long[7]);
		v[countAt] += ((Number) value(row, countKey)).longValue();
		if (sumKey != null) {
			Object s = value(row, sumKey);
			v[sumAt] += s == null ? 0 : ((Number) s).longValue();
		}
	}

	/** Column labels come back upper case from H2 and lower case from PostgreSQL. */
	private static Object value(java.util.Map<String, Object> row, String key) {
		Object v = row.get(key);
		return v != null || row.containsKey(key) ? v : row.get(key.toUpperCase(java.util.Locale.ROOT));
	}

	/** "XA-AFC-2026-000123" ⇒ "XA-AFC": the agency code is everything before the year and the serial. */
	static String agencyOf(String caseNumber) {
		String[] parts = caseNumber.split("-");
		if (parts.length < 3) {
			return caseNumber;
		}
		return String.join("-", java.util.Arrays.copyOf(parts, parts.length - 2));
	}
}
