package org.fanzha.funds;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.fanzha.funds.Workflows.FreezeStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class Freezes {

	private final JdbcClient jdbc;

	Freezes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(InstructionView from, long amount, String document, String unit, String one, String two, Instant now,
			Instant deadline) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql(
				"""
						INSERT INTO freeze_order (case_number, instruction_id, account_id, institution, amount_fen, document_number,
						  issuing_unit, officer_one, officer_two, status, renewals, created_at, deadline_at)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)""")
			.params(from.caseNumber(), from.id(), from.accountId(), from.institution(), amount, document, unit, one,
					two, FreezeStatus.REQUESTED.name(), Timestamp.from(now), Timestamp.from(deadline))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	Optional<FreezeView> byId(long id) {
		return jdbc.sql("SELECT * FROM freeze_order WHERE id = ?").param(id).query(Freezes::view).optional();
	}

	/** A freeze on the account still asked for or in force. */
	Optional<FreezeView> activeOn(String accountId) {
		return jdbc.sql("SELECT * FROM freeze_order WHERE account_id = ? AND status IN (?, ?) ORDER BY id DESC")
			.params(accountId, FreezeStatus.REQUESTED.name(), FreezeStatus.FROZEN.name())
			.query(Freezes::view)
			.list()
			.stream()
			.findFirst();
	}

	boolean answer(long id, FreezeStatus status, Long frozen, String answerId, Instant at, Instant expires) {
		return jdbc.sql("""
				UPDATE freeze_order SET status = ?, frozen_fen = ?, answer_id = ?, frozen_at = ?, expires_at = ?
				WHERE id = ? AND status = ?""")
			.params(status.name(), frozen, answerId, at == null ? null : Timestamp.from(at),
					expires == null ? null : Timestamp.from(expires), id, FreezeStatus.REQUESTED.name())
			.update() == 1;
	}

	boolean renew(long id, Instant newExpiry, Instant now) {
		return jdbc.sql("""
				UPDATE freeze_order SET expires_at = ?, renewals = renewals + 1
				WHERE id = ? AND status = ? AND expires_at > ?""")
			.params(Timestamp.from(newExpiry), id, FreezeStatus.FROZEN.name(), Timestamp.from(now))
			.update() == 1;
	}

	boolean move(long id, FreezeStatus from, FreezeStatus to) {
		return jdbc.sql("UPDATE freeze_order SET status = ? WHERE id = ? AND status = ?")
			.params(to.name(), id, from.name())
			.update() == 1;
	}

	/** Freezes in force whose term is over. */
	List<Long> lapsed(Instant now) {
		return jdbc.sql("SELECT id FROM freeze_order WHERE status = ? AND expires_at <= ? ORDER BY id")
			.params(FreezeStatus.FROZEN.name(), Timestamp.from(now))
			.query(Long.class)
			.list();
	}

	List<FreezeView> expiring(Instant now, Instant until) {
		return jdbc.sql("""
				SELECT * FROM freeze_order WHERE status = ? AND expires_at > ? AND expires_at <= ?
				ORDER BY expires_at""")
			.params(FreezeStatus.FROZEN.name(), Timestamp.from(now), Timestamp.from(until))
			.query(Freezes::view)
			.list();
	}

	List<FreezeView> forBank(String institution, FreezeStatus status) {
		return jdbc.sql("SELECT * FROM freeze_order WHERE institution = ? AND status = ? ORDER BY id")
			.params(institution, status.name())
			.query(Freezes::view)
			.list();
	}

	List<FreezeView> all(FreezeStatus status, int limit) {
		return (status == null ? jdbc.sql("SELECT * FROM freeze_order ORDER BY id DESC")
				: jdbc.sql("SELECT * FROM freeze_order WHERE status = ? ORDER BY id DESC").param(status.name()))
			.query(Freezes::view)
			.list()
			.stream()
			.limit(limit)
			.toList();
	}

	/** The freezes made for the case, and those on stops that serve it. */
	List<FreezeView> forCase(String caseNumber) {
		return jdbc.sql("""
				SELECT * FROM freeze_order WHERE case_number = ? OR instruction_id IN
				  (SELECT instruction_id FROM stop_case_link WHERE case_number = ?) ORDER BY id""")
			.params(caseNumber, caseNumber)
			.query(Freezes::view)
			.list();
	}

	private static FreezeView view(ResultSet rs, int n) throws SQLException {
		long f = rs.getLong("frozen_fen");
		Long frozen = rs.wasNull() ? null : f;
		Timestamp at = rs.getTimestamp("frozen_at");
		Timestamp exp = rs.getTimestamp("expires_at");
		Timestamp deadline = rs.getTimestamp("deadline_at");
		return new FreezeView(rs.getLong("id"), rs.getString("case_number"), rs.getLong("instruction_id"),
				rs.getString("account_id"), rs.getString("institution"), rs.getLong("amount_fen"),
				rs.getString("document_number"), rs.getString("issuing_unit"), rs.getString("officer_one"),
				rs.getString("officer_two"), FreezeStatus.valueOf(rs.getString("status")), frozen,
				at == null ? null : at.toInstant(), exp == null ? null : exp.toInstant(), rs.getInt("renewals"),
				deadline == null ? null : deadline.toInstant());
	}

}
