package org.fanzha.warnings;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.fanzha.engine.warnings.WarningGrader.Confidence;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Numbers known as fraud numbers: confirmed by a report, or suspected after the SIM monitor restricted them. */
@Repository
class FraudNumbers {

	private final JdbcClient jdbc;

	FraudNumbers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Map<String, Confidence> all() {
		Map<String, Confidence> out = new HashMap<>();
		for (Map<String, Object> row : jdbc.sql("SELECT phone, confidence FROM warning_fraud_number").query().listOfRows()) {
			out.put((String) row.get("phone"), Confidence.valueOf((String) row.get("confidence")));
		}
		return out;
	}

	void confirm(String phone, String source, Instant since) {
		if (jdbc.sql("UPDATE warning_fraud_number SET confidence = 'CONFIRMED', source = ?, since = ? WHERE phone = ? AND confidence <> 'CONFIRMED'")
				.params(source, Timestamp.from(since), phone).update() == 0
				&& jdbc.sql("SELECT COUNT(*) FROM warning_fraud_number WHERE phone = ?").param(phone).query(Long.class).single() == 0) {
			jdbc.sql("INSERT INTO warning_fraud_number (phone, confidence, source, since) VALUES (?, 'CONFIRMED', ?, ?)")
					.params(phone, source, Timestamp.from(since)).update();
		}
	}

	void suspect(String phone, String source, Instant since) {
		if (jdbc.sql("SELECT COUNT(*) FROM warning_fraud_number WHERE phone = ?").param(phone).query(Long.class).single() == 0) {
			jdbc.sql("INSERT INTO warning_fraud_number (phone, confidence, source, since) VALUES (?, 'SUSPECTED', ?, ?)")
					.params(phone, source, Timestamp.from(since)).update();
		}
	}
}
