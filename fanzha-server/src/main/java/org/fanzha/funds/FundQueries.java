package org.fanzha.funds;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fanzha.platform.ConflictException;
import org.fanzha.platform.InvalidFieldsException;
import org.fanzha.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fund queries (资金查询, Anti-Telecom-Fraud Law art. 20): the centre asks a bank for an account's balance and
 * its transactions in a period; the bank answers once through the gateway (idempotent by answer id).
 */
@Service
public class FundQueries {

	public record Row(String transferId, Instant at, String direction, String counterparty, long amountFen) {
	}

	public record QueryView(long id, String caseNumber, String accountId, String institution, Instant from, Instant to,
			String status, Long balanceFen, Instant answeredAt, List<Row> rows) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	FundQueries(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional
	public QueryView request(String caseNumber, String accountId, String institution, Instant from, Instant to,
			String actor) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (caseNumber == null || caseNumber.isBlank()) {
			errors.put("caseNumber", "is required (a query serves a case)");
		}
		if (accountId == null || !accountId.matches("[A-Za-z0-9:-]{1,40}")) {
			errors.put("accountId", "must be 1-40 letters, digits, ':' or '-'");
		}
		if (institution == null || !institution.matches("[A-Z0-9]{2,16}")) {
			errors.put("institution", "must be an institution code such as ICBC");
		}
		Instant now = clock.instant();
		if (from == null || to == null || from.isAfter(to) || to.isAfter(now.plusSeconds(60))) {
			errors.put("period", "from and to are required, from <= to, and not in the future");
		}
		if (!errors.isEmpty()) {
			throw new InvalidFieldsException(errors);
		}
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO fund_query (case_number, account_id, institution, from_time, to_time, status, requested_by,
				  requested_at) VALUES (?, ?, ?, ?, ?, 'REQUESTED', ?, ?)""")
				.params(caseNumber, accountId, institution, Timestamp.from(from), Timestamp.from(to), actor, Timestamp.from(now))
				.update(keys, "id");
		return byId(keys.getKey().longValue()).orElseThrow();
	}

	@Transactional
	public QueryView answer(String institution, long id, String answerId, Long balanceFen, List<Row> rows) {
		QueryView q = byId(id).filter(v -> v.institution().equals(institution))
				.orElseThrow(() -> new NotFoundException("No query " + id + " for " + institution));
		if (answerId == null || answerId.isBlank() || answerId.length() > 64) {
			throw new IllegalArgumentException("answerId must be 1-64 characters");
		}
		String previous = jdbc.sql("SELECT answer_id FROM fund_query WHERE id = ?").param(id).query(String.class).optional()
				.orElse(null);
		if (answerId.equals(previous)) {
			return q;
		}
		if (previous != null || !"REQUESTED".equals(q.status())) {
			throw new ConflictException("Query " + id + " is " + q.status() + "; it takes one answer");
		}
		Map<String, String> errors = new LinkedHashMap<>();
		if (balanceFen == null) {
			errors.put("balanceFen", "is required");
		}
		List<Row> rs = rows == null ? List.of() : rows;
		for (int i = 0; i < rs.size(); i++) {
			Row r = rs.get(i);
			if (r.at() == null || r.at().isBefore(q.from()) || r.at().isAfter(q.to())) {
				errors.put("rows[" + i + "].at", "must lie in the queried period");
			}
			if (!"IN".equals(r.direction()) && !"OUT".equals(r.direction())) {
				errors.put("rows[" + i + "].direction", "must be IN or OUT");
			}
			if (r.amountFen() <= 0) {
				errors.put("rows[" + i + "].amountFen", "must be > 0");
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidFieldsException(errors);
		}
		Instant now = clock.instant();
		int changed = jdbc.sql("""
				UPDATE fund_query SET status = 'ANSWERED', balance_fen = ?, answer_id = ?, answered_at = ?
				WHERE id = ? AND status = 'REQUESTED'""").params(balanceFen, answerId, Timestamp.from(now), id).update();
		if (changed != 1) {
			throw new ConflictException("Query " + id + " was answered meanwhile");
		}
		for (Row r : rs) {
			jdbc.sql("""
					INSERT INTO fund_query_row (query_id, transfer_id, at, direction, counterparty, amount_fen)
					VALUES (?, ?, ?, ?, ?, ?)""")
					.params(id, r.transferId(), Timestamp.from(r.at()), r.direction(), r.counterparty(), r.amountFen()).update();
		}
		return byId(id).orElseThrow();
	}

	@Transactional(readOnly = true)
	public List<QueryView> forBank(String institution, String status) {
		return jdbc.sql("SELECT id FROM fund_query WHERE institution = ? AND status = ? ORDER BY id").params(institution, status)
				.query(Long.class).list().stream().map(i -> byId(i).orElseThrow()).toList();
	}

	@Transactional(readOnly = true)
	public Optional<QueryView> byId(long id) {
		return jdbc.sql("SELECT * FROM fund_query WHERE id = ?").param(id).query((rs, n) -> {
			long b = rs.getLong("balance_fen");
			Long balance = rs.wasNull() ? null : b;
			Timestamp answered = rs.getTimestamp("answered_at");
			return new QueryView(rs.getLong("id"), rs.getString("case_number"), rs.getString("account_id"),
					rs.getString("institution"), rs.getTimestamp("from_time").toInstant(),
					rs.getTimestamp("to_time").toInstant(), rs.getString("status"), balance,
					answered == null ? null : answered.toInstant(), rows(id));
		}).optional();
	}

	private List<Row> rows(long id) {
		return jdbc.sql("SELECT transfer_id, at, direction, counterparty, amount_fen FROM fund_query_row WHERE query_id = ? ORDER BY at, id")
				.param(id).query((rs, n) -> new Row(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
						rs.getString(4), rs.getLong(5))).list();
	}
}
