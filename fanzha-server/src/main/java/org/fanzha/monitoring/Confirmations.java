package org.fanzha.monitoring;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Accounts confirmed as fraud accounts by a report, kept so that a restarted monitor
 * still knows them.
 */
@Repository
class Confirmations {

	record Confirmation(String accountId, long confirmedAt, Long liftedAt) {
	}

	private final JdbcClient jdbc;

	Confirmations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(String accountId, Instant at) {
		jdbc.sql("INSERT INTO monitoring_confirmation (account_id, confirmed_at) VALUES (?, ?)")
			.params(accountId, Timestamp.from(at))
			.update();
	}

	void lift(String accountId, Instant at) {
		jdbc.sql("UPDATE monitoring_confirmation SET lifted_at = ? WHERE account_id = ? AND lifted_at IS NULL")
			.params(Timestamp.from(at), accountId)
			.update();
	}

	/** Every confirmation, oldest first. */
	List<Confirmation> all() {
		return jdbc
			.sql("SELECT account_id, confirmed_at, lifted_at FROM monitoring_confirmation ORDER BY confirmed_at, id")
			.query((rs, n) -> {
				Timestamp lifted = rs.getTimestamp(3);
				return new Confirmation(rs.getString(1), rs.getTimestamp(2).toInstant().getEpochSecond(),
						lifted == null ? null : lifted.toInstant().getEpochSecond());
			})
			.list();
	}

}
