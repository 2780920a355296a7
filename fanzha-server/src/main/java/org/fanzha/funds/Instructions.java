package org.fanzha.funds;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.fanzha.engine.stop.StopInstruction;
import org.fanzha.funds.Workflows.StopStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class Instructions {

	/** The bank answered a third stop on the account: not allowed, a freeze is needed. */
	static final String THIRD_STOP = "THIRD_STOP";

	private final JdbcClient jdbc;

	Instructions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Waits for, then holds until the transaction ends, the one lock plan changes take:
	 * cases traced at the same time into the same account see each other's instructions
	 * and join them instead of issuing a second stop.
	 */
	void lockPlans() {
		jdbc.sql("SELECT name FROM funds_lock WHERE name = 'plan' FOR UPDATE").query(String.class).list();
	}

	long insert(String caseNumber, StopInstruction s, String institution, String issuingUnit, Instant now) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql(
				"""
						INSERT INTO stop_instruction (case_number, account_id, institution, payee_name, account_number, amount_fen,
						  transaction_time, transfer_id, parent_account, level, kind, expected_move_at, status, created_at, issuing_unit)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(caseNumber, s.accountId(), institution, s.payeeName(), s.accountNumber(), s.amountFen(),
					Timestamp.from(Instant.ofEpochSecond(s.transactionTime())), s.transferId(), s.parentAccount(),
					s.level(), s.kind().name(), Timestamp.from(Instant.ofEpochSecond(s.expectedMoveAt())),
					StopStatus.PROPOSED.name(), Timestamp.from(now), issuingUnit)
			.update(keys, "id");
		long id = keys.getKey().longValue();
		addCase(id, caseNumber, s.amountFen(), now);
		return id;
	}

	void addCase(long id, String caseNumber, long amountFen, Instant now) {
		jdbc.sql("INSERT INTO stop_case_link (instruction_id, case_number, amount_fen, added_at) VALUES (?, ?, ?, ?)")
			.params(id, caseNumber, amountFen, Timestamp.from(now))
			.update();
	}

	boolean serves(long id, String caseNumber) {
		return jdbc.sql("SELECT COUNT(*) FROM stop_case_link WHERE instruction_id = ? AND case_number = ?")
			.params(id, caseNumber)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * A waiting instruction's amount grows by what another case traced into the account.
	 */
	void extend(long id, long byFen) {
		jdbc.sql("UPDATE stop_instruction SET amount_fen = amount_fen + ? WHERE id = ? AND status IN (?, ?)")
			.params(byFen, id, StopStatus.PROPOSED.name(), StopStatus.ISSUED.name())
			.update();
	}

	List<InstructionView> forCase(String caseNumber) {
		return jdbc.sql("""
				SELECT i.* FROM stop_instruction i JOIN stop_case_link c ON c.instruction_id = i.id
				WHERE c.case_number = ? ORDER BY i.expected_move_at, i.id""")
			.param(caseNumber)
			.query(this::view)
			.list();
	}

	List<InstructionView> forBank(String institution, StopStatus status) {
		return jdbc.sql("SELECT * FROM stop_instruction WHERE institution = ? AND status = ? ORDER BY issued_at, id")
			.params(institution, status.name())
			.query(this::view)
			.list();
	}

	/**
	 * The centre's board: every instruction, filtered; unanswered past their deadline
	 * first, then by deadline.
	 */
	List<InstructionView> board(StopStatus status, String institution, Integer level, Instant now, int limit) {
		StringBuilder sql = new StringBuilder("SELECT * FROM stop_instruction WHERE 1 = 1");
		List<Object> params = new ArrayList<>();
		if (status != null) {
			sql.append(" AND status = ?");
			params.add(status.name());
		}
		if (institution != null) {
			sql.append(" AND institution = ?");
			params.add(institution);
		}
		if (level != null) {
			sql.append(" AND level = ?");
			params.add(level);
		}
		sql.append(
				" ORDER BY CASE WHEN status = ? AND deadline_at < ? THEN 0 WHEN status = ? THEN 1 ELSE 2 END, deadline_at, id DESC");
		params.add(StopStatus.ISSUED.name());
		params.add(Timestamp.from(now));
		params.add(StopStatus.ISSUED.name());
		return jdbc.sql(sql.toString()).params(params).query(this::view).list().stream().limit(limit).toList();
	}

	Optional<InstructionView> byId(long id) {
		return jdbc.sql("SELECT * FROM stop_instruction WHERE id = ?").param(id).query(this::view).optional();
	}

	/** PROPOSED instructions of a case. */
	List<Long> proposed(String caseNumber) {
		return jdbc.sql("""
				SELECT i.id FROM stop_instruction i JOIN stop_case_link c ON c.instruction_id = i.id
				WHERE c.case_number = ? AND i.status = ? ORDER BY i.id""")
			.params(caseNumber, StopStatus.PROPOSED.name())
			.query(Long.class)
			.list();
	}

	/** PROPOSED -> ISSUED, once. */
	boolean issue(long id, Instant now, Instant deadline) {
		return jdbc
			.sql("UPDATE stop_instruction SET status = ?, issued_at = ?, deadline_at = ? WHERE id = ? AND status = ?")
			.params(StopStatus.ISSUED.name(), Timestamp.from(now), Timestamp.from(deadline), id,
					StopStatus.PROPOSED.name())
			.update() == 1;
	}

	/**
	 * The instruction that already covers the account: one on its way (proposed or
	 * issued), or a stop in force (a stop covers all money in the account, 只收不付).
	 */
	Optional<InstructionView> coveringOn(String accountId, Instant now) {
		return jdbc.sql("""
				SELECT * FROM stop_instruction WHERE account_id = ?
				AND (status IN (?, ?) OR (status IN (?, ?) AND expires_at > ?)) ORDER BY id DESC""")
			.params(accountId, StopStatus.PROPOSED.name(), StopStatus.ISSUED.name(), StopStatus.EXECUTED.name(),
					StopStatus.PARTIALLY_EXECUTED.name(), Timestamp.from(now))
			.query(this::view)
			.list()
			.stream()
			.findFirst();
	}

	/** Institutions with instructions waiting for an answer. */
	List<String> institutionsWaiting() {
		return jdbc.sql("SELECT DISTINCT institution FROM stop_instruction WHERE status = ? ORDER BY institution")
			.param(StopStatus.ISSUED.name())
			.query(String.class)
			.list();
	}

	/** ISSUED -> answered, once: false when another answer got there first. */
	boolean answer(long id, StopStatus status, Long stopped, String answerId, String reason, String refusal,
			Instant now, Instant expires) {
		return jdbc
			.sql("""
					UPDATE stop_instruction SET status = ?, stopped_fen = ?, answer_id = ?, answer_reason = ?, executed_at = ?,
					  expires_at = ?, refusal = ? WHERE id = ? AND status = ?""")
			.params(status.name(), stopped, answerId, reason, stopped == null ? null : Timestamp.from(now),
					expires == null ? null : Timestamp.from(expires), refusal, id, StopStatus.ISSUED.name())
			.update() == 1;
	}

	/**
	 * Executed stops on the account so far, expired ones included (at most two per
	 * account).
	 */
	List<Instant> stopsOn(String accountId) {
		return jdbc.sql(
				"SELECT executed_at FROM stop_instruction WHERE account_id = ? AND executed_at IS NOT NULL ORDER BY executed_at")
			.param(accountId)
			.query((rs, n) -> rs.getTimestamp(1).toInstant())
			.list();
	}

	/** A freeze holds the account. */
	boolean frozen(String accountId) {
		return jdbc.sql("SELECT COUNT(*) FROM freeze_order WHERE account_id = ? AND status = ?")
			.params(accountId, Workflows.FreezeStatus.FROZEN.name())
			.query(Long.class)
			.single() > 0;
	}

	/** Stops in force whose 48 hours are over. */
	List<Long> lapsed(Instant now) {
		return jdbc.sql("SELECT id FROM stop_instruction WHERE status IN (?, ?) AND expires_at <= ? ORDER BY id")
			.params(StopStatus.EXECUTED.name(), StopStatus.PARTIALLY_EXECUTED.name(), Timestamp.from(now))
			.query(Long.class)
			.list();
	}

	boolean move(long id, StopStatus from, StopStatus to) {
		return jdbc.sql("UPDATE stop_instruction SET status = ? WHERE id = ? AND status = ?")
			.params(to.name(), id, from.name())
			.update() == 1;
	}

	private List<String> cases(long id) {
		return jdbc
			.sql("SELECT case_number FROM stop_case_link WHERE instruction_id = ? ORDER BY added_at, case_number")
			.param(id)
			.query(String.class)
			.list();
	}

	private InstructionView view(ResultSet rs, int n) throws SQLException {
		long stopped = rs.getLong("stopped_fen");
		Long s = rs.wasNull() ? null : stopped;
		Timestamp issued = rs.getTimestamp("issued_at");
		Timestamp expires = rs.getTimestamp("expires_at");
		Timestamp deadline = rs.getTimestamp("deadline_at");
		long id = rs.getLong("id");
		return new InstructionView(id, rs.getString("case_number"), rs.getString("account_id"),
				rs.getString("institution"), rs.getString("payee_name"), rs.getString("account_number"),
				rs.getLong("amount_fen"), rs.getTimestamp("transaction_time").toInstant(), rs.getString("transfer_id"),
				rs.getString("parent_account"), rs.getInt("level"), rs.getString("kind"),
				rs.getTimestamp("expected_move_at").toInstant(), StopStatus.valueOf(rs.getString("status")), s,
				rs.getString("answer_reason"), issued == null ? null : issued.toInstant(),
				expires == null ? null : expires.toInstant(), deadline == null ? null : deadline.toInstant(),
				rs.getString("issuing_unit"), THIRD_STOP.equals(rs.getString("refusal")), cases(id));
	}

}
