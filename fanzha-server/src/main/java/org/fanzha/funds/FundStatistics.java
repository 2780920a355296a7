package org.fanzha.funds;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Money stopped, frozen and returned in a period, per agency that filed the case (the
 * case number's prefix): aggregates only. A stop counts when the bank executed it in the
 * period, a freeze when it took effect, a return when the bank paid it out.
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
		Map<String, long[]> acc = new TreeMap<>();
		jdbc.sql("""
				SELECT case_number, COUNT(*) AS n FROM stop_instruction WHERE issued_at >= ? AND issued_at < ?
				GROUP BY case_number""")
			.params(f, t)
			.query((rs, n) -> add(acc, rs.getString(1), 0, rs.getLong(2), -1, 0))
			.list();
		jdbc.sql(
				"""
						SELECT case_number, COUNT(*) AS n, SUM(stopped_fen) AS fen FROM stop_instruction
						WHERE executed_at >= ? AND executed_at < ? AND status IN ('EXECUTED', 'PARTIALLY_EXECUTED') GROUP BY case_number""")
			.params(f, t)
			.query((rs, n) -> add(acc, rs.getString(1), 1, rs.getLong(2), 2, rs.getLong(3)))
			.list();
		jdbc.sql("""
				SELECT case_number, COUNT(*) AS n, SUM(frozen_fen) AS fen FROM freeze_order
				WHERE frozen_at >= ? AND frozen_at < ? AND frozen_fen IS NOT NULL GROUP BY case_number""")
			.params(f, t)
			.query((rs, n) -> add(acc, rs.getString(1), 3, rs.getLong(2), 4, rs.getLong(3)))
			.list();
		jdbc.sql("""
				SELECT s.case_number, COUNT(*) AS n, SUM(s.amount_fen) AS fen FROM return_share s
				JOIN return_round r ON r.id = s.round_id
				WHERE r.status = 'EXECUTED' AND r.executed_at >= ? AND r.executed_at < ? GROUP BY s.case_number""")
			.params(f, t)
			.query((rs, n) -> add(acc, rs.getString(1), 5, rs.getLong(2), 6, rs.getLong(3)))
			.list();
		return acc.entrySet().stream().map(e -> {
			long[] v = e.getValue();
			return new Agency(e.getKey(), v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
		}).toList();
	}

	/**
	 * Adds a count (and a sum, unless {@code sumAt} is negative) to the agency of the
	 * case; answers nothing useful.
	 */
	private static int add(Map<String, long[]> acc, String caseNumber, int countAt, long count, int sumAt, long sum) {
		long[] v = acc.computeIfAbsent(agencyOf(caseNumber), k -> new long[7]);
		v[countAt] += count;
		if (sumAt >= 0) {
			v[sumAt] += sum; // SUM of no rows is NULL, read as 0
		}
		return 0;
	}

	/**
	 * "XA-AFC-2026-000123" ⇒ "XA-AFC": the agency code is everything before the year and
	 * the serial.
	 */
	static String agencyOf(String caseNumber) {
		String[] parts = caseNumber.split("-");
		if (parts.length < 3) {
			return caseNumber;
		}
		return String.join("-", Arrays.copyOf(parts, parts.length - 2));
	}

}
