package org.fanzha.warnings;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.fanzha.engine.warnings.WarningGrader.Confidence;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Numbers known as fraud numbers: confirmed by a report, or suspected after the SIM
 * monitor restricted them.
 */
@Repository
class FraudNumbers {

	private final JdbcClient jdbc;

	FraudNumbers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Map<String, Confidence> all() {
		Map<String, Confidence> out = new HashMap<>();
		jdbc.sql("SELECT phone, confidence FROM warning_fraud_number")
			.query((rs, n) -> out.merge(rs.getString("phone"), Confidence.valueOf(rs.getString("confidence")),
					(a, b) -> a == Confidence.CONFIRMED || b == Confidence.CONFIRMED ? Confidence.CONFIRMED
							: Confidence.SUSPECTED))
			.list();
		return out;
	}

	/**
	 * Records that a number is confirmed. The table only grows (one row per fact, the
	 * strongest wins when read), so a report and a restriction of the same number heard
	 * at the same moment can never collide on a key.
	 */
	void confirm(String phone, String source, Instant since) {
		if (jdbc.sql("SELECT COUNT(*) FROM warning_fraud_number WHERE phone = ? AND confidence = 'CONFIRMED'")
			.param(phone)
			.query(Long.class)
			.single() == 0) {
			insert(phone, "CONFIRMED", source, since);
		}
	}

	void suspect(String phone, String source, Instant since) {
		if (jdbc.sql("SELECT COUNT(*) FROM warning_fraud_number WHERE phone = ?")
			.param(phone)
			.query(Long.class)
			.single() == 0) {
			insert(phone, "SUSPECTED", source, since);
		}
	}

	private void insert(String phone, String confidence, String source, Instant since) {
		jdbc.sql("INSERT INTO warning_fraud_number (phone, confidence, source, since) VALUES (?, ?, ?, ?)")
			.params(phone, confidence, source.length() > 200 ? source.substring(0, 200) : source, Timestamp.from(since))
			.update();
	}

}
