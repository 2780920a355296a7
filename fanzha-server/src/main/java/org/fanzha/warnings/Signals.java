package org.fanzha.warnings;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.fanzha.core.Beijing;
import org.fanzha.core.Money;
import org.fanzha.engine.warnings.FraudType;
import org.fanzha.engine.warnings.WarningGrader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The signals about potential victims, each with the task it joined (none when
 * de-duplication held it back).
 */
@Repository
class Signals {

	private final JdbcClient jdbc;

	Signals(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String phone, WarningGrader.Signal s, String fraudNumber, Long amountFen, Instant received,
			String source) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql(
				"""
						INSERT INTO warning_signal (person_phone, kind, confidence, fraud_number, call_seconds, contacts, amount_fen,
						  fraud_type, occurred_at, received_at, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(phone, s.kind().name(), s.confidence() == null ? null : s.confidence().name(), fraudNumber,
					s.callSeconds(), s.count(), amountFen, s.fraudType().name(), Timestamp.from(s.at()),
					Timestamp.from(received), source.length() > 64 ? source.substring(0, 64) : source)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** The person's signals that happened in [from, to]. */
	List<WarningGrader.Signal> forPerson(String phone, Instant from, Instant to) {
		return jdbc.sql("""
				SELECT kind, confidence, call_seconds, contacts, occurred_at, fraud_type FROM warning_signal
				WHERE person_phone = ? AND occurred_at >= ? AND occurred_at <= ? ORDER BY occurred_at, id""")
			.params(phone, Timestamp.from(from), Timestamp.from(to))
			.query((rs, n) -> new WarningGrader.Signal(WarningGrader.SignalKind.valueOf(rs.getString("kind")),
					rs.getString("confidence") == null ? null
							: WarningGrader.Confidence.valueOf(rs.getString("confidence")),
					rs.getInt("call_seconds"), rs.getInt("contacts"), rs.getTimestamp("occurred_at").toInstant(),
					FraudType.valueOf(rs.getString("fraud_type"))))
			.list();
	}

	void attach(long signal, long task) {
		jdbc.sql("UPDATE warning_signal SET task_id = ? WHERE id = ?").params(task, signal).update();
	}

	/**
	 * One line per signal of a task, for the officer (the fraud number is the platform's
	 * evidence, not personal data).
	 */
	List<String> forTask(long task) {
		return jdbc.sql("""
				SELECT kind, confidence, fraud_number, call_seconds, contacts, amount_fen, occurred_at, source
				FROM warning_signal WHERE task_id = ? ORDER BY occurred_at, id""").param(task).query((rs, n) -> {
			StringBuilder b = new StringBuilder();
			b.append(DateTimeFormatter.ofPattern("MM-dd HH:mm")
				.withZone(Beijing.ZONE)
				.format(rs.getTimestamp("occurred_at").toInstant()));
			b.append(' ').append(kindLabel(rs.getString("kind")));
			if (rs.getString("fraud_number") != null) {
				b.append(' ')
					.append(rs.getString("fraud_number"))
					.append("CONFIRMED".equals(rs.getString("confidence")) ? "（已确认涉诈）" : "（疑似涉诈）");
			}
			if (rs.getInt("call_seconds") > 0) {
				b.append(" 通话").append(rs.getInt("call_seconds")).append("秒");
			}
			if (rs.getInt("contacts") > 1) {
				b.append(" 共").append(rs.getInt("contacts")).append("次");
			}
			long amount = rs.getLong("amount_fen");
			if (!rs.wasNull()) {
				b.append(" 金额").append(Money.ofFen(amount));
			}
			return b.append(" · 来源 ").append(rs.getString("source")).toString();
		}).list();
	}

	static String kindLabel(String kind) {
		return switch (WarningGrader.SignalKind.valueOf(kind)) {
			case CALL_FROM_FRAUD_NUMBER -> "涉诈号码来电";
			case SMS_FROM_FRAUD_NUMBER -> "涉诈号码短信";
			case PAYER_WARNING -> "银行付款预警";
			case TRANSFER_TO_RISKY_ACCOUNT -> "向涉诈风险账户转账";
			case PUBLIC_REPORT -> "群众举报";
			case SCRIPT_CALL -> "陌生新号码长通话";
			case EXPOSED_TO_REPORTED -> "接触被举报的涉诈APP、网站或群组";
			case CREDIT_FROM_FLAGGED -> "收到涉诈风险账户转入";
		};
	}

	/**
	 * The fraud numbers behind a task, in the order they were seen (for the prefilled
	 * case intake).
	 */
	List<String> fraudNumbers(long task) {
		return jdbc
			.sql("""
					SELECT fraud_number, MIN(occurred_at) AS first_seen FROM warning_signal WHERE task_id = ? AND fraud_number IS NOT NULL
					GROUP BY fraud_number ORDER BY first_seen""")
			.param(task)
			.query((rs, n) -> rs.getString("fraud_number"))
			.list();
	}

	/** The largest amount a bank reported with the task's signals, 0 if none. */
	long largestAmount(long task) {
		Long max = jdbc.sql("SELECT MAX(amount_fen) FROM warning_signal WHERE task_id = ?")
			.param(task)
			.query(Long.class)
			.optional()
			.orElse(null);
		return max == null ? 0 : max;
	}

}
