package org.fanzha.funds;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.fanzha.cases.CaseReported;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Each victim (one per case) as funds knows them: the loss, the payments, and the ledger
 * transfer each payment was matched to when the plan was made — so a return never matches
 * again, with other settings.
 */
@Repository
class Victims {

	record Payment(int seq, String payeeAccount, long amountFen, Instant paidAt, String transferId, String matchedId) {
	}

	private final JdbcClient jdbc;

	Victims(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores (or, when payments were added after intake, updates) the victim's loss and
	 * payments.
	 */
	void store(CaseReported r) {
		int updated = jdbc.sql("UPDATE funds_victim SET loss_fen = ? WHERE case_number = ?")
			.params(r.lossFen(), r.caseNumber())
			.update();
		if (updated == 0) {
			jdbc.sql("INSERT INTO funds_victim (case_number, loss_fen, reported_at) VALUES (?, ?, ?)")
				.params(r.caseNumber(), r.lossFen(), Timestamp.from(r.reportedAt()))
				.update();
		}
		List<Payment> known = payments(r.caseNumber());
		int seq = known.size();
		for (int i = known.size(); i < r.payments().size(); i++) {
			CaseReported.Payment p = r.payments().get(i);
			jdbc.sql("""
					INSERT INTO funds_case_payment (case_number, seq, payee_account, amount_fen, paid_at, transfer_id)
					VALUES (?, ?, ?, ?, ?, ?)""")
				.params(r.caseNumber(), seq++, p.payeeAccount(), p.amountFen(), Timestamp.from(p.paidAt()),
						p.transferId())
				.update();
		}
	}

	Optional<Long> loss(String caseNumber) {
		return jdbc.sql("SELECT loss_fen FROM funds_victim WHERE case_number = ?")
			.param(caseNumber)
			.query(Long.class)
			.optional();
	}

	List<Payment> payments(String caseNumber) {
		return jdbc.sql("""
				SELECT seq, payee_account, amount_fen, paid_at, transfer_id, matched_id FROM funds_case_payment
				WHERE case_number = ? ORDER BY seq""")
			.param(caseNumber)
			.query((rs, n) -> new Payment(rs.getInt(1), rs.getString(2), rs.getLong(3), rs.getTimestamp(4).toInstant(),
					rs.getString(5), rs.getString(6)))
			.list();
	}

	void matched(String caseNumber, int seq, String transferId) {
		jdbc.sql("UPDATE funds_case_payment SET matched_id = ? WHERE case_number = ? AND seq = ?")
			.params(transferId, caseNumber, seq)
			.update();
	}

	/** What the banks have paid back to the victim (executed rounds). */
	long returned(String caseNumber) {
		return jdbc.sql("""
				SELECT COALESCE(SUM(s.amount_fen), 0) FROM return_share s JOIN return_round r ON r.id = s.round_id
				WHERE s.case_number = ? AND r.status = ?""")
			.params(caseNumber, Workflows.ReturnStatus.EXECUTED.name())
			.query(Long.class)
			.single();
	}

	/**
	 * What every round of every freeze has allotted to the victim so far (decided or not:
	 * it is promised).
	 */
	long allotted(String caseNumber) {
		return jdbc.sql("SELECT COALESCE(SUM(amount_fen), 0) FROM return_share WHERE case_number = ?")
			.param(caseNumber)
			.query(Long.class)
			.single();
	}

}
