package org.fanzha.funds;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class Freezes {

	private final JdbcClient jdbc;

	Freezes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(InstructionView from, long amount, String document, String unit, String one, String two, Instant now) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO freeze_order (case_number, instruction_id, account_id, institution, amount_fen, document_number,
				  issuing_unit, officer_one, officer_two, status, renewals, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'REQUESTED', 0, ?)""")
				.params(from.caseNumber(), from.id(), from.accountId(), from.institution(), amount, document, unit, one, two,
						Timestamp.from(now))
				.update(keys, "id");
		return keys.getKey().longValue();
	}

	void history(long id, Instant at, String status, String actor, String detail) {
		jdbc.sql("INSERT INTO freeze_history (freeze_id, at, status, actor, detail) VALUES (?, ?, ?, ?, ?)")
				.params(id, Timestamp.from(at), status, actor, detail).update();
	}

	Optional<FreezeView> byId(long id) {
		return jdbc.sql("SELECT * FROM freeze_order WHERE id = ?").param(id).query(Freezes::view).optional();
	}

	Optional<String> answerIdOf(long id) {
		return jdbc.sql("SELECT answer_id FROM freeze_order WHERE id = ?").param(id).query(String.class).optional();
	}

	boolean answer(long id, String status, Long frozen, String answerId, Instant at, Instant expires) {
		return jdbc.sql("""
				UPDATE freeze_order SET status = ?, frozen_fen = ?, answer_id = ?, frozen_at = ?, expires_at = ?
				WHERE id = ? AND status = 'REQUESTED'""")
				.params(status, frozen, answerId, at == null ? null : Timestamp.from(at),
						expires == null ? null : Timestamp.from(expires), id)
				.update() == 1;
	}

	boolean renew(long id, Instant newExpiry, Instant now) {
		return jdbc.sql("""
				UPDATE freeze_order SET expires_at = ?, renewals = renewals + 1
				WHERE id = ? AND status = 'FROZEN' AND expires_at > ?""")
				.params(Timestamp.from(newExpiry), id, Timestamp.from(now)).update() == 1;
	}

	boolean unfreeze(long id) {
		return jdbc.sql("UPDATE freeze_order SET status = 'UNFROZEN' WHERE id = ? AND status = 'FROZEN'").param(id)
				.update() == 1;
	}

	List<FreezeView> expiring(Instant now, Instant until) {
		return jdbc.sql("""
				SELECT * FROM freeze_order WHERE status = 'FROZEN' AND expires_at > ? AND expires_at <= ?
				ORDER BY expires_at""").params(Timestamp.from(now), Timestamp.from(until)).query(Freezes::view).list();
	}

	List<FreezeView> forBank(String institution, String status) {
		return jdbc.sql("SELECT * FROM freeze_order WHERE institution = ? AND status = ? ORDER BY id")
				.params(institution, status).query(Freezes::view).list();
	}

	List<FreezeView> forCase(String caseNumber) {
		return jdbc.sql("SELECT * FROM freeze_order WHERE case_number = ? ORDER BY id").param(caseNumber)
				.query(Freezes::view).list();
	}

	private static FreezeView view(ResultSet rs, int n) throws SQLException {
		long f = rs.getLong("frozen_fen");
		Long frozen = rs.wasNull() ? null : f;
		Timestamp at = rs.getTimestamp("frozen_at");
		Timestamp exp = rs.getTimestamp("expires_at");
		return new FreezeView(rs.getLong("id"), rs.getString("case_number"), rs.getLong("instruction_id"),
				rs.getString("account_id"), rs.getString("institution"), rs.getLong("amount_fen"),
				rs.getString("document_number"), rs.getString("issuing_unit"), rs.getString("officer_one"),
				rs.getString("officer_two"), rs.getString("status"), frozen, at == null ? null : at.toInstant(),
				exp == null ? null : exp.toInstant(), rs.getInt("renewals"));
	}
}
