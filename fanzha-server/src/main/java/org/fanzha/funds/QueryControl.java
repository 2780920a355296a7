package org.fanzha.funds;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fanzha.ledger.StatementRow;
import org.fanzha.ledger.Statements;
import org.fanzha.ledger.TransferLedger;
import org.fanzha.platform.ConflictException;
import org.fanzha.platform.InvalidFieldsException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fund queries (资金查询, Anti-Telecom-Fraud Law art. 20): the centre asks a bank for an
 * account's balance and its transactions in a period; the bank answers once through the
 * {@link BankGateway} (idempotent by answer id) with the statement, whose rows extend the
 * ledger and the case's plan.
 */
@Service
public class QueryControl {

	public record QueryView(long id, String caseNumber, String accountId, String institution, Instant from, Instant to,
			Workflows.QueryStatus status, Long balanceFen, Instant answeredAt, Instant deadline,
			List<StatementRow> rows) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final BankGateway gateway;

	private final TransferLedger ledger;

	private final ApplicationEventPublisher events;

	QueryControl(JdbcClient jdbc, Clock clock, BankGateway gateway, TransferLedger ledger,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.gateway = gateway;
		this.ledger = ledger;
		this.events = events;
	}

	@Transactional
	public QueryView request(String caseNumber, String accountId, String institution, Instant from, Instant to,
			String actor) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (caseNumber == null || caseNumber.isBlank() || caseNumber.length() > 48) {
			errors.put("caseNumber", "is required (a query serves a case)");
		}
		else if (jdbc.sql("SELECT COUNT(*) FROM funds_victim WHERE case_number = ?")
			.param(caseNumber)
			.query(Long.class)
			.single() == 0) {
			errors.put("caseNumber", "no case " + caseNumber);
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
		Instant deadline = gateway.deadline(BankGateway.Type.QUERY, now);
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO fund_query (case_number, account_id, institution, from_time, to_time, status, requested_by,
				  requested_at, deadline_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(caseNumber, accountId, institution, Timestamp.from(from), Timestamp.from(to),
					Workflows.QueryStatus.REQUESTED.name(), actor, Timestamp.from(now), Timestamp.from(deadline))
			.update(keys, "id");
		long id = keys.getKey().longValue();
		gateway.moved(BankGateway.Type.QUERY, id, caseNumber, institution, null, Workflows.QueryStatus.REQUESTED, now,
				actor, accountId + " " + from + " - " + to, deadline);
		return byId(id).orElseThrow();
	}

	@Transactional
	public QueryView answer(String institution, long id, String answerId, Long balanceFen, List<StatementRow> rows) {
		return answer(institution, id, answerId, balanceFen, rows, "bank " + institution);
	}

	@Transactional
	public QueryView answer(String institution, long id, String answerId, Long balanceFen, List<StatementRow> rows,
			String actor) {
		QueryView q = byId(id).orElse(null);
		List<StatementRow> rs = rows == null ? List.of() : rows;
		String content = balanceFen + "|" + rs;
		if (gateway.check(BankGateway.Type.QUERY, id, q == null ? null : q.institution(), institution, answerId,
				content) == BankGateway.Check.REPLAY) {
			return q;
		}
		Workflows.require(BankGateway.Type.QUERY, id, q.status(), Workflows.QueryStatus.ANSWERED);
		Map<String, String> errors = new LinkedHashMap<>();
		if (balanceFen == null) {
			errors.put("balanceFen", "is required");
		}
		Statements.validate(rs, "rows");
		for (int i = 0; i < rs.size(); i++) {
			StatementRow r = rs.get(i);
			if (r.at().isBefore(q.from()) || r.at().isAfter(q.to())) {
				errors.put("rows[" + i + "].at", "must lie in the queried period");
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidFieldsException(errors);
		}
		Instant now = clock.instant();
		int changed = jdbc.sql("""
				UPDATE fund_query SET status = ?, balance_fen = ?, answer_id = ?, answered_at = ?
				WHERE id = ? AND status = ?""")
			.params(Workflows.QueryStatus.ANSWERED.name(), balanceFen, answerId, Timestamp.from(now), id,
					Workflows.QueryStatus.REQUESTED.name())
			.update();
		if (changed != 1) {
			throw new ConflictException("Query " + id + " was answered meanwhile");
		}
		for (StatementRow r : rs) {
			jdbc.sql("""
					INSERT INTO fund_query_row (query_id, transfer_id, at, direction, counterparty, amount_fen)
					VALUES (?, ?, ?, ?, ?, ?)""")
				.params(id, r.transferId(), Timestamp.from(r.at()), r.direction().name(), r.counterpartyAccount(),
						r.amountFen())
				.update();
		}
		gateway.answered(BankGateway.Type.QUERY, id, institution, answerId, content, now, actor);
		gateway.moved(BankGateway.Type.QUERY, id, q.caseNumber(), institution, q.status(),
				Workflows.QueryStatus.ANSWERED, now, actor, rs.size() + " statement rows", null);
		if (ledger.recordStatement(TransferLedger.Source.STATEMENT, institution, "query-" + id, q.accountId(),
				institution, null, rs) > 0) {
			events.publishEvent(new FundControl.LedgerExtended(List.of(q.caseNumber())));
		}
		return byId(id).orElseThrow();
	}

	@Transactional(readOnly = true)
	public List<QueryView> forBank(String institution, Workflows.QueryStatus status) {
		return jdbc.sql("SELECT id FROM fund_query WHERE institution = ? AND status = ? ORDER BY id")
			.params(institution, status.name())
			.query(Long.class)
			.list()
			.stream()
			.map(i -> byId(i).orElseThrow())
			.toList();
	}

	@Transactional(readOnly = true)
	public List<QueryView> forCase(String caseNumber) {
		return jdbc.sql("SELECT id FROM fund_query WHERE case_number = ? ORDER BY id")
			.param(caseNumber)
			.query(Long.class)
			.list()
			.stream()
			.map(i -> byId(i).orElseThrow())
			.toList();
	}

	@Transactional(readOnly = true)
	public Optional<QueryView> byId(long id) {
		return jdbc.sql("SELECT * FROM fund_query WHERE id = ?").param(id).query((rs, n) -> {
			long b = rs.getLong("balance_fen");
			Long balance = rs.wasNull() ? null : b;
			Timestamp answered = rs.getTimestamp("answered_at");
			Timestamp deadline = rs.getTimestamp("deadline_at");
			return new QueryView(rs.getLong("id"), rs.getString("case_number"), rs.getString("account_id"),
					rs.getString("institution"), rs.getTimestamp("from_time").toInstant(),
					rs.getTimestamp("to_time").toInstant(), Workflows.QueryStatus.valueOf(rs.getString("status")),
					balance, answered == null ? null : answered.toInstant(),
					deadline == null ? null : deadline.toInstant(), rows(id));
		}).optional();
	}

	@Transactional(readOnly = true)
	public List<String[]> history(long id) {
		return gateway.history(BankGateway.Type.QUERY, id);
	}

	private List<StatementRow> rows(long id) {
		return jdbc.sql(
				"SELECT transfer_id, at, direction, counterparty, amount_fen FROM fund_query_row WHERE query_id = ? ORDER BY at, id")
			.param(id)
			.query((rs, n) -> new StatementRow(rs.getString(1), rs.getTimestamp(2).toInstant(),
					StatementRow.Direction.valueOf(rs.getString(3)), rs.getString(4), null, null, rs.getLong(5),
					StatementRow.Channel.TRANSFER, null, null))
			.list();
	}

}
