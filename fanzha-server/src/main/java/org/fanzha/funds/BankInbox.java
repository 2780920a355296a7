package org.fanzha.funds;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;

/**
 * What waits for each bank, of every type, with its deadline: kept from the gateway's
 * {@link InstructionTransitioned} events (delivered through the event publication
 * registry, so none is lost), read by the bank's console and API.
 */
@Service
public class BankInbox {

	public record Item(BankGateway.Type type, long instructionId, String caseNumber, String status, Instant deadline,
			Instant since) {
	}

	private final JdbcClient jdbc;

	BankInbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Events may be delivered out of order (each in its own thread): the row follows the
	 * instruction's state as stored now, not the event's.
	 */
	@ApplicationModuleListener
	void on(InstructionTransitioned t) {
		String sql = switch (t.type()) {
			case STOP -> "SELECT status, deadline_at FROM stop_instruction WHERE id = ?";
			case QUERY -> "SELECT status, deadline_at FROM fund_query WHERE id = ?";
			case FREEZE -> "SELECT status, deadline_at FROM freeze_order WHERE id = ?";
			case RETURN -> "SELECT status, CAST(NULL AS TIMESTAMP WITH TIME ZONE) FROM return_round WHERE id = ?";
		};
		var now = jdbc.sql(sql)
			.param(t.instructionId())
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getTimestamp(2) })
			.optional()
			.orElse(null);
		jdbc.sql("DELETE FROM bank_inbox WHERE type = ? AND instruction_id = ?")
			.params(t.type().name(), t.instructionId())
			.update();
		if (now == null || !awaits(t.type(), (String) now[0])) {
			return;
		}
		Timestamp deadline = (Timestamp) now[1];
		if (deadline == null && t.deadline() != null) {
			deadline = Timestamp.from(t.deadline());
		}
		try {
			jdbc.sql("""
					INSERT INTO bank_inbox (type, instruction_id, institution, case_number, status, deadline_at, since)
					VALUES (?, ?, ?, ?, ?, ?, ?)""")
				.params(t.type().name(), t.instructionId(), t.institution(), t.caseNumber(), now[0], deadline,
						Timestamp.from(t.at()))
				.update();
		}
		catch (DuplicateKeyException e) {
			// another delivery of this instruction's news wrote the same row
		}
	}

	static boolean awaits(BankGateway.Type type, String status) {
		return switch (type) {
			case STOP -> Workflows.StopStatus.valueOf(status).awaitsBank();
			case QUERY -> Workflows.QueryStatus.valueOf(status).awaitsBank();
			case FREEZE -> Workflows.FreezeStatus.valueOf(status).awaitsBank();
			case RETURN -> Workflows.ReturnStatus.valueOf(status).awaitsBank();
		};
	}

	/** The bank's waiting instructions, the most urgent first. */
	public List<Item> waiting(String institution) {
		return jdbc
			.sql("""
					SELECT type, instruction_id, case_number, status, deadline_at, since FROM bank_inbox WHERE institution = ?
					ORDER BY CASE WHEN deadline_at IS NULL THEN 1 ELSE 0 END, deadline_at, since""")
			.param(institution)
			.query((rs, n) -> {
				Timestamp d = rs.getTimestamp(5);
				return new Item(BankGateway.Type.valueOf(rs.getString(1)), rs.getLong(2), rs.getString(3),
						rs.getString(4), d == null ? null : d.toInstant(), rs.getTimestamp(6).toInstant());
			})
			.list();
	}

}
