package org.fanzha.funds;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts the transfer monitor flagged: stop/freeze candidates. */
@Repository
class Candidates {

	private final JdbcClient jdbc;

	Candidates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Inserts the candidate or, when known, counts the flag again; idempotent per
	 * publication is not needed.
	 */
	void upsert(String account, String institution, String decision, String rules, String reason, Instant at) {
		int updated = jdbc.sql("""
				UPDATE fund_candidate SET last_flagged = ?, times = times + 1, decision = ?, rules = ?, reason = ?
				WHERE account_id = ?""").params(Timestamp.from(at), decision, rules, reason, account).update();
		if (updated == 0) {
			jdbc.sql(
					"""
							INSERT INTO fund_candidate (account_id, institution, decision, rules, reason, first_flagged, last_flagged,
							  times, status) VALUES (?, ?, ?, ?, ?, ?, ?, 1, 'OPEN')""")
				.params(account, institution, decision, rules, reason, Timestamp.from(at), Timestamp.from(at))
				.update();
		}
	}

	List<MuleReview.Candidate> open(String institutionOrNull, int limit) {
		return jdbc
			.sql("""
					SELECT * FROM fund_candidate WHERE status = 'OPEN' AND (CAST(? AS VARCHAR(16)) IS NULL OR institution = ?)
					ORDER BY last_flagged DESC""")
			.params(institutionOrNull, institutionOrNull)
			.query(Candidates::view)
			.list()
			.stream()
			.limit(limit)
			.toList();
	}

	boolean close(String account, String status, String actor) {
		return jdbc.sql("UPDATE fund_candidate SET status = ?, decided_by = ? WHERE account_id = ? AND status = 'OPEN'")
			.params(status, actor, account)
			.update() == 1;
	}

	private static MuleReview.Candidate view(ResultSet rs, int row) throws SQLException {
		return new MuleReview.Candidate(rs.getString("account_id"), rs.getString("institution"),
				rs.getString("decision"), List.of(rs.getString("rules").split(",")), rs.getString("reason"),
				rs.getTimestamp("first_flagged").toInstant(), rs.getTimestamp("last_flagged").toInstant(),
				rs.getInt("times"), rs.getString("status"));
	}

}
