package org.fanzha.funds;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.fanzha.engine.stop.StopInstruction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class Instructions {

	private final JdbcClient jdbc;

	Instructions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String caseNumber, StopInstruction s, String institution, Instant now) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO stop_instruction (case_number, account_id, institution, payee_name, account_number, amount_fen,
				  transaction_time, transfer_id, parent_account, level, kind, expected_move_at, status, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PROPOSED', ?)""")
				.params(caseNumber, s.accountId(), institution, s.payeeName(), s.accountNumber(), s.amountFen(),
						Timestamp.from(Instant.ofEpochSecond(s.transactionTime())), s.transferId(), s.parentAccount(),
						s.level(), s.kind().name(), Timestamp.from(Instant.ofEpochSecond(s.expectedMoveAt())),
						Timestamp.from(now))
				.update(keys, "id");
		return keys.getKey().longValue();
	}

	void history(long id, Instant at, String status, String actor, String detail) {
		jdbc.sql("INSERT INTO stop_instruction_history (instruction_id, at, status, actor, detail) VALUES (?, ?, ?, ?, ?)")
				.params(id, Timestamp.from(at), status, actor, detail).update();
	}

	List<InstructionView> forCase(String caseNumber) {
		return jdbc.sql("SELECT * FROM stop_instruction WHERE case_number = ? ORDER BY expected_move_at, id")
				.param(caseNumber).query(Instructions::view).list();
	}

	List<InstructionView> forBank(String institution, String status) {
		return jdbc.sql("SELECT * FROM stop_instruction WHERE institution = ? AND status = ? ORDER BY issued_at, id")
				.params(institution, status).query(Instructions::view).list();
	}

	Optional<InstructionView> byId(long id) {
		return jdbc.sql("SELECT * FROM stop_instruction WHERE id = ?").param(id).query(Instructions::view).optional();
	}

	Optional<String> answerIdOf(long id) {
		return jdbc.sql("SELECT answer_id FROM stop_instruction WHERE id = ?").param(id).query(String.class).optional();
	}

	/** PROPOSED -> ISSUED; returns the ids that changed. */
	List<Long> issue(String caseNumber, Instant now) {
		List<Long> ids = jdbc.sql("SELECT id FROM stop_instruction WHERE case_number = ? AND status = 'PROPOSED'")
				.param(caseNumber).query(Long.class).list();
		for (long id : ids) {
			jdbc.sql("UPDATE stop_instruction SET status = 'ISSUED', issued_at = ? WHERE id = ? AND status = 'PROPOSED'")
					.params(Timestamp.from(now), id).update();
		}
		return ids;
	}

	/** Whether an instruction for the account is waiting (proposed or issued, not yet answered). */
	boolean pending(String accountId) {
		return jdbc.sql("SELECT COUNT(*) FROM stop_instruction WHERE account_id = ? AND status IN ('PROPOSED', 'ISSUED')")
				.param(accountId).query(Long.class).single() > 0;
	}

	boolean issueOne(long id, Instant now) {
		return jdbc.sql("UPDATE stop_instruction SET status = 'ISSUED', issued_at = ? WHERE id = ? AND status = 'PROPOSED'")
				.params(Timestamp.from(now), id).update() == 1;
	}

	/** Institutions with instructions waiting for an answer. */
	List<String> institutionsWaiting() {
		return jdbc.sql("SELECT DISTINCT institution FROM stop_instruction WHERE status = 'ISSUED' ORDER BY institution")
				.query(String.class).list();
	}

	/** ISSUED -> answered, once: false when another answer got there first. */
	boolean answer(long id, String status, Long stopped, String answerId, String reason, Instant now, Instant expires) {
		return jdbc.sql("""
				UPDATE stop_instruction SET status = ?, stopped_fen = ?, answer_id = ?, answer_reason = ?, executed_at = ?,
				  expires_at = ? WHERE id = ? AND status = 'ISSUED'""")
				.params(status, stopped, answerId, reason, stopped == null ? null : Timestamp.from(now),
						expires == null ? null : Timestamp.from(expires), id)
				.update() == 1;
	}

	/** Executed stops on the account: (executed_at) of each. */
	List<Instant> stopsOn(String accountId) {
		return jdbc.sql("""
				SELECT executed_at FROM stop_instruction
				WHERE account_id = ? AND status IN ('EXECUTED', 'PARTIALLY_EXECUTED') ORDER BY executed_at""")
				.param(accountId).query((rs, n) -> rs.getTimestamp(1).toInstant()).list();
	}

	List<String[]> historyOf(long id) {
		return jdbc.sql("SELECT at, status, actor, detail FROM stop_instruction_history WHERE instruction_id = ? ORDER BY id")
				.param(id).query((rs, n) -> new String[] { rs.getTimestamp(1).toInstant().toString(), rs.getString(2),
						rs.getString(3), rs.getString(4) }).list();
	}

	private static InstructionView view(ResultSet rs, int n) throws SQLException {
		long stopped = rs.getLong("stopped_fen");
		Long s = rs.wasNull() ? null : stopped;
		Timestamp issued = rs.getTimestamp("issued_at");
		Timestamp expires = rs.getTimestamp("expires_at");
		return new InstructionView(rs.getLong("id"), rs.getString("case_number"), rs.getString("account_id"),
				rs.getString("institution"), rs.getString("payee_name"), rs.getString("account_number"),
				rs.getLong("amount_fen"), rs.getTimestamp("transaction_time").toInstant(), rs.getString("transfer_id"),
				rs.getString("parent_account"), rs.getInt("level"), rs.getString("kind"),
				rs.getTimestamp("expected_move_at").toInstant(), rs.getString("status"), s, rs.getString("answer_reason"),
				issued == null ? null : issued.toInstant(), expires == null ? null : expires.toInstant());
	}
}
