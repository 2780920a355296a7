package org.fanzha.monitoring;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The decisions banks may ask for again, kept across restarts (newest
 * {@link TransferScreening#REMEMBERED}).
 */
@Repository
class Decisions {

	/** Separates a reason's rule id from its text, and one reason from the next. */
	private static final char UNIT = '\u001F';

	private static final char RECORD = '\u001E';

	record Stored(String bank, String transferId, long digest, long decidedAt, Decision decision) {
	}

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	Decisions(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/**
	 * One batched statement per call: a bank's batch of a thousand decisions is one round
	 * trip.
	 */
	void insert(List<Stored> rows) {
		if (rows.isEmpty()) {
			return;
		}
		List<Object[]> args = new ArrayList<>(rows.size());
		for (Stored r : rows) {
			Decision d = r.decision();
			long hold = d.holdUntil() == null ? -1 : d.holdUntil().getEpochSecond() - r.decidedAt();
			args.add(new Object[] { r.bank() == null ? "" : r.bank(), r.transferId(), r.digest(),
					Timestamp.from(Instant.ofEpochSecond(r.decidedAt())), d.decision(), hold, join(d.reasons()),
					join(d.shadowReasons()), d.ruleVersion() });
		}
		template.batchUpdate("""
				INSERT INTO monitoring_decision (bank, transfer_id, digest, decided_at, decision, hold_seconds, reasons,
				  shadow, rule_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", args);
	}

	/**
	 * The newest {@code limit} decisions (about: ties at the cut are kept), oldest first,
	 * streamed.
	 */
	void newest(int limit, Consumer<Stored> sink) {
		Timestamp from = jdbc
			.sql("SELECT decided_at FROM monitoring_decision ORDER BY decided_at DESC LIMIT 1 OFFSET ?")
			.param(limit - 1)
			.query(Timestamp.class)
			.optional()
			.orElse(Timestamp.from(Instant.EPOCH));
		jdbc.sql("SELECT * FROM monitoring_decision WHERE decided_at >= ? ORDER BY decided_at")
			.param(from)
			.query(rs -> {
				long at = rs.getTimestamp("decided_at").toInstant().getEpochSecond();
				long hold = rs.getLong("hold_seconds");
				Decision d = new Decision(rs.getString("transfer_id"), rs.getString("decision"),
						hold < 0 ? null : Instant.ofEpochSecond(at + hold), split(rs.getString("reasons")),
						split(rs.getString("shadow")), rs.getInt("rule_version"),
						hold < 0 ? null : TransferScreening.APPEAL);
				String bank = rs.getString("bank");
				sink.accept(new Stored(bank.isEmpty() ? null : bank, rs.getString("transfer_id"), rs.getLong("digest"),
						at, d));
			});
	}

	/**
	 * Forgets decisions older than {@code before}: a bank retries within minutes, not
	 * weeks.
	 */
	int prune(Instant before) {
		return jdbc.sql("DELETE FROM monitoring_decision WHERE decided_at < ?").param(Timestamp.from(before)).update();
	}

	private static String join(List<Decision.Reason> reasons) {
		if (reasons.isEmpty()) {
			return null;
		}
		StringBuilder b = new StringBuilder();
		for (Decision.Reason r : reasons) {
			b.append(b.length() == 0 ? "" : String.valueOf(RECORD)).append(r.rule()).append(UNIT).append(r.text());
		}
		return b.length() > 4000 ? b.substring(0, 4000) : b.toString();
	}

	private static List<Decision.Reason> split(String text) {
		if (text == null || text.isEmpty()) {
			return List.of();
		}
		List<Decision.Reason> out = new ArrayList<>();
		for (String one : text.split(String.valueOf(RECORD))) {
			int u = one.indexOf(UNIT);
			out.add(u < 0 ? new Decision.Reason(one, one)
					: new Decision.Reason(one.substring(0, u), one.substring(u + 1)));
		}
		return List.copyOf(out);
	}

}
