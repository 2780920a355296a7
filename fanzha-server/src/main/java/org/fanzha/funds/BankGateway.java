package org.fanzha.funds;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.fanzha.platform.ConflictException;
import org.fanzha.platform.InvalidFieldsException;
import org.fanzha.platform.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The protocol every instruction to a bank shares — stop, query, freeze, return: the bank
 * sees only its own (another bank's instruction does not exist for it); it answers with
 * its own answer id; the same answer again has no further effect, the same id with other
 * content is refused (409), and an instruction takes one answer; each type has an answer
 * deadline; every transition is written to one history and published as
 * {@link InstructionTransitioned}.
 */
@Component
public class BankGateway {

	public enum Type {

		STOP("Stop instruction"), QUERY("Fund query"), FREEZE("Freeze"), RETURN("Return round");

		final String label;

		Type(String label) {
			this.label = label;
		}

	}

	/** What an answer is to the gateway. */
	public enum Check {

		/** Not seen before: apply it. */
		NEW,
		/**
		 * This very answer was taken before: answer with the instruction as it is now.
		 */
		REPLAY

	}

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final FundsProperties properties;

	BankGateway(JdbcClient jdbc, ApplicationEventPublisher events, FundsProperties properties) {
		this.jdbc = jdbc;
		this.events = events;
		this.properties = properties;
	}

	/**
	 * Checks a bank's answer before it is applied.
	 * @param owner the institution the instruction is addressed to, null when there is no
	 * such instruction
	 * @param content the answer's content in a canonical text form (result, amounts,
	 * rows)
	 */
	public Check check(Type type, long id, String owner, String institution, String answerId, String content) {
		if (answerId == null || answerId.isBlank() || answerId.length() > 64) {
			throw new InvalidFieldsException(
					Map.of("answerId", "must be 1-64 characters (the bank's own id for this answer)"));
		}
		if (owner == null || !owner.equals(institution)) {
			throw new NotFoundException("No " + type.label.toLowerCase(Locale.ROOT) + " " + id + " for " + institution);
		}
		String fingerprint = fingerprint(content);
		var earlier = jdbc
			.sql("SELECT type, instruction_id, fingerprint FROM gateway_answer WHERE institution = ? AND answer_id = ?")
			.params(institution, answerId)
			.query((rs, n) -> new String[] { rs.getString(1), Long.toString(rs.getLong(2)), rs.getString(3) })
			.optional();
		if (earlier.isPresent()) {
			String[] e = earlier.get();
			if (e[0].equals(type.name()) && e[1].equals(Long.toString(id)) && e[2].equals(fingerprint)) {
				return Check.REPLAY;
			}
			throw new ConflictException("Answer id " + answerId + " was already used for another answer");
		}
		if (jdbc.sql("SELECT COUNT(*) FROM gateway_answer WHERE type = ? AND instruction_id = ?")
			.params(type.name(), id)
			.query(Long.class)
			.single() > 0) {
			throw new ConflictException(type.label + " " + id + " was already answered; it takes one answer");
		}
		return Check.NEW;
	}

	/** Records that the answer was taken (same transaction as its effect). */
	public void answered(Type type, long id, String institution, String answerId, String content, Instant at,
			String actor) {
		jdbc.sql(
				"""
						INSERT INTO gateway_answer (type, instruction_id, institution, answer_id, fingerprint, answered_at, actor)
						VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(type.name(), id, institution, answerId, fingerprint(content), Timestamp.from(at), actor)
			.update();
	}

	/** Writes the transition to the history and publishes it. */
	public void moved(Type type, long id, String caseNumber, String institution, Workflows.State from,
			Workflows.State to, Instant at, String actor, String detail, Instant deadline) {
		jdbc.sql(
				"INSERT INTO gateway_history (type, instruction_id, at, status, actor, detail) VALUES (?, ?, ?, ?, ?, ?)")
			.params(type.name(), id, Timestamp.from(at), to.name(), actor,
					detail == null || detail.length() <= 400 ? detail : detail.substring(0, 400))
			.update();
		events.publishEvent(new InstructionTransitioned(type, id, caseNumber, institution,
				from == null ? null : from.name(), to.name(), to.awaitsBank(), at, to.awaitsBank() ? deadline : null));
	}

	/**
	 * A note in the history that is not a transition (a renewal, a case added to a stop).
	 */
	public void note(Type type, long id, Instant at, String status, String actor, String detail) {
		jdbc.sql(
				"INSERT INTO gateway_history (type, instruction_id, at, status, actor, detail) VALUES (?, ?, ?, ?, ?, ?)")
			.params(type.name(), id, Timestamp.from(at), status, actor, detail)
			.update();
	}

	/** An instruction's history: at, status, actor, detail. */
	public List<String[]> history(Type type, long id) {
		return jdbc.sql(
				"SELECT at, status, actor, detail FROM gateway_history WHERE type = ? AND instruction_id = ? ORDER BY id")
			.params(type.name(), id)
			.query((rs,
					n) -> new String[] { rs.getTimestamp(1).toInstant().toString(), rs.getString(2), rs.getString(3),
							rs.getString(4) })
			.list();
	}

	/**
	 * When the bank must have answered an instruction of this type sent at {@code from}.
	 */
	public Instant deadline(Type type, Instant from) {
		FundsProperties.Deadlines d = properties.deadlines();
		Duration by = switch (type) {
			case STOP -> d.stop();
			case QUERY -> d.query();
			case FREEZE -> d.freeze();
			case RETURN -> Duration.ofDays(3);
		};
		return from.plus(by);
	}

	static String fingerprint(String content) {
		try {
			byte[] h = MessageDigest.getInstance("SHA-256")
				.digest(String.valueOf(content).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(h);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

}
