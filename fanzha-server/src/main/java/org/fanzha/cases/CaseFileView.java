package org.fanzha.cases;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fanzha.core.FraudType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The case files as case linking reads them: what was reported about the fraud (payee
 * accounts, suspects' phones, websites, apps, IM accounts, accounts) with the victim's
 * county, loss and time, but not the victim's identity.
 */
@Service
public class CaseFileView {

	/** A payee of a victim's payment: the first-level account and who holds it. */
	public record Payee(String name, String account, String bank, long amountFen, Instant paidAt) {
	}

	public record CaseFile(String caseNumber, String agencyCode, Instant reportedAt, FraudType fraudType, long lossFen,
			String victimRegion, List<Payee> payees, List<CaseDetail.Suspect> suspects) {
	}

	private final JdbcClient jdbc;

	CaseFileView(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * How many cases there are and the newest id: changes whenever a case or its payments
	 * are added.
	 */
	public String version() {
		return jdbc.sql("""
				SELECT COUNT(*) || '/' || COALESCE(MAX(id), 0) || '/' || (SELECT COUNT(*) FROM case_payment)
				  || '/' || (SELECT COUNT(*) FROM case_suspect) FROM case_report""").query(String.class).single();
	}

	/** All case files, oldest first (at most {@code limit}, the newest ones). */
	public List<CaseFile> all(int limit) {
		record Head(long id, String number, String agency, Instant at, FraudType type, long loss, String region) {
		}
		List<Head> heads = jdbc.sql("""
				SELECT id, case_number, agency_code, reported_at, fraud_type, loss_fen, victim_region FROM case_report
				ORDER BY id DESC FETCH FIRST %d ROWS ONLY""".formatted(Math.max(1, limit)))
			.query((rs, n) -> new Head(rs.getLong("id"), rs.getString("case_number"), rs.getString("agency_code"),
					rs.getTimestamp("reported_at").toInstant(),
					FraudType.parse(rs.getString("fraud_type")).orElse(null), rs.getLong("loss_fen"),
					rs.getString("victim_region").strip()))
			.list();
		if (heads.isEmpty()) {
			return List.of();
		}
		long minId = heads.get(heads.size() - 1).id();
		Map<Long, List<Payee>> payees = new HashMap<>();
		jdbc.sql("""
				SELECT case_id, payee_name, payee_account, payee_bank, amount_fen, paid_at FROM case_payment
				WHERE case_id >= ? ORDER BY id""").param(minId).query((rs, n) -> {
			payees.computeIfAbsent(rs.getLong("case_id"), k -> new ArrayList<>())
				.add(new Payee(rs.getString("payee_name"), rs.getString("payee_account"), rs.getString("payee_bank"),
						rs.getLong("amount_fen"), rs.getTimestamp("paid_at").toInstant()));
			return 0;
		}).list();
		Map<Long, List<CaseDetail.Suspect>> suspects = new HashMap<>();
		jdbc.sql("SELECT case_id, kind, identifier, platform FROM case_suspect WHERE case_id >= ? ORDER BY id")
			.param(minId)
			.query((rs, n) -> {
				suspects.computeIfAbsent(rs.getLong("case_id"), k -> new ArrayList<>())
					.add(new CaseDetail.Suspect(rs.getString("kind"), rs.getString("identifier"),
							rs.getString("platform")));
				return 0;
			})
			.list();
		List<CaseFile> out = new ArrayList<>(heads.size());
		for (int i = heads.size() - 1; i >= 0; i--) {
			Head h = heads.get(i);
			out.add(new CaseFile(h.number(), h.agency(), h.at(), h.type(), h.loss(), h.region(),
					List.copyOf(payees.getOrDefault(h.id(), List.of())),
					List.copyOf(suspects.getOrDefault(h.id(), List.of()))));
		}
		return out;
	}

	/** Reports received in [from, to), for figures. */
	public long count(Instant from, Instant to) {
		return jdbc.sql("SELECT COUNT(*) FROM case_report WHERE reported_at >= ? AND reported_at < ?")
			.params(Timestamp.from(from), Timestamp.from(to))
			.query(Long.class)
			.single();
	}

}
