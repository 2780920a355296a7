package org.fanzha.funds;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.fanzha.funds.Workflows.ReturnStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class Returns {

	private final JdbcClient jdbc;

	Returns(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	int nextRound(long freezeId) {
		return jdbc.sql("SELECT COALESCE(MAX(round_no), 0) + 1 FROM return_round WHERE freeze_id = ?")
			.param(freezeId)
			.query(Integer.class)
			.single();
	}

	long insertRound(long freezeId, int round, String basis, long frozen, long remainder, ReturnStatus status,
			Instant noticeUntil, String actor, Instant now) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO return_round (freeze_id, round_no, basis, frozen_fen, remainder_fen, status, notice_until,
				  notice_required, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(freezeId, round, basis, frozen, remainder, status.name(),
					noticeUntil == null ? null : Timestamp.from(noticeUntil), noticeUntil != null, actor,
					Timestamp.from(now))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void insertShare(long roundId, ReturnView.Share s) {
		jdbc.sql(
				"""
						INSERT INTO return_share (round_id, case_number, loss_fen, returned_fen, amount_fen, traced_fen, added_reason)
						VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(roundId, s.caseNumber(), s.lossFen(), s.returnedBeforeFen(), s.amountFen(), s.tracedFen(),
					s.addedReason())
			.update();
	}

	void objection(long roundId, Instant at, String by, String content) {
		jdbc.sql("INSERT INTO return_objection (round_id, at, raised_by, content) VALUES (?, ?, ?, ?)")
			.params(roundId, Timestamp.from(at), by, content)
			.update();
	}

	boolean decide(long id, ReturnStatus from, Instant at, LocalDate executeBy) {
		return jdbc
			.sql("UPDATE return_round SET status = ?, decided_at = ?, execute_by = ? WHERE id = ? AND status = ?")
			.params(ReturnStatus.DECIDED.name(), Timestamp.from(at), Date.valueOf(executeBy), id, from.name())
			.update() == 1;
	}

	boolean executed(long id, Instant at, String answerId) {
		return jdbc
			.sql("UPDATE return_round SET status = ?, executed_at = ?, answer_id = ? WHERE id = ? AND status = ?")
			.params(ReturnStatus.EXECUTED.name(), Timestamp.from(at), answerId, id, ReturnStatus.DECIDED.name())
			.update() == 1;
	}

	/**
	 * What all rounds of this freeze have allotted (a round in progress is a promise on
	 * the money too).
	 */
	long allottedFromFreeze(long freezeId) {
		return jdbc.sql("""
				SELECT COALESCE(SUM(s.amount_fen), 0) FROM return_share s JOIN return_round r ON r.id = s.round_id
				WHERE r.freeze_id = ?""").param(freezeId).query(Long.class).single();
	}

	boolean openRound(long freezeId) {
		return jdbc.sql("SELECT COUNT(*) FROM return_round WHERE freeze_id = ? AND status IN (?, ?, ?)")
			.params(freezeId, ReturnStatus.PROPOSED.name(), ReturnStatus.NOTICE.name(), ReturnStatus.DECIDED.name())
			.query(Long.class)
			.single() > 0;
	}

	Optional<ReturnView> byId(long id) {
		return jdbc.sql("SELECT * FROM return_round WHERE id = ?").param(id).query((rs, n) -> {
			Timestamp decided = rs.getTimestamp("decided_at");
			Date by = rs.getDate("execute_by");
			Timestamp executed = rs.getTimestamp("executed_at");
			Timestamp notice = rs.getTimestamp("notice_until");
			return new ReturnView(rs.getLong("id"), rs.getLong("freeze_id"), rs.getInt("round_no"),
					rs.getString("basis"), rs.getLong("frozen_fen"), rs.getLong("remainder_fen"),
					ReturnStatus.valueOf(rs.getString("status")), notice == null ? null : notice.toInstant(),
					decided == null ? null : decided.toInstant(), by == null ? null : by.toLocalDate(),
					executed == null ? null : executed.toInstant(), shares(id), objections(id));
		}).optional();
	}

	List<Long> forFreeze(long freezeId) {
		return jdbc.sql("SELECT id FROM return_round WHERE freeze_id = ? ORDER BY round_no")
			.param(freezeId)
			.query(Long.class)
			.list();
	}

	List<Long> decidedFor(String institution) {
		return jdbc.sql("""
				SELECT r.id FROM return_round r JOIN freeze_order f ON f.id = r.freeze_id
				WHERE f.institution = ? AND r.status = ? ORDER BY r.id""")
			.params(institution, ReturnStatus.DECIDED.name())
			.query(Long.class)
			.list();
	}

	/** Every round, newest first (the centre's board). */
	List<Long> all(int limit) {
		return jdbc.sql("SELECT id FROM return_round ORDER BY id DESC")
			.query(Long.class)
			.list()
			.stream()
			.limit(limit)
			.toList();
	}

	Optional<String> institutionOf(long roundId) {
		return jdbc
			.sql("SELECT f.institution FROM return_round r JOIN freeze_order f ON f.id = r.freeze_id WHERE r.id = ?")
			.param(roundId)
			.query(String.class)
			.optional();
	}

	private List<ReturnView.Share> shares(long id) {
		return jdbc.sql("""
				SELECT case_number, loss_fen, returned_fen, amount_fen, traced_fen, added_reason FROM return_share
				WHERE round_id = ? ORDER BY id""")
			.param(id)
			.query((rs, n) -> new ReturnView.Share(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
					rs.getLong(5), rs.getString(6)))
			.list();
	}

	private List<ReturnView.Objection> objections(long id) {
		return jdbc.sql("SELECT at, raised_by, content FROM return_objection WHERE round_id = ? ORDER BY id")
			.param(id)
			.query((rs, n) -> new ReturnView.Objection(rs.getTimestamp(1).toInstant(), rs.getString(2),
					rs.getString(3)))
			.list();
	}

}
