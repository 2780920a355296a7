package org.fanzha.funds;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.fanzha.monitoring.MuleAccountFlagged;
import org.fanzha.platform.InvalidFieldsException;
import org.fanzha.platform.NotFoundException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;

/**
 * Accounts the transfer monitor flagged as likely mules, kept as candidates for a stop
 * payment or freeze: the centre reviews them (and the card-cutting work takes up their
 * holders). Received through the event publication registry, so a flag published before a
 * crash is delivered after it.
 */
@Service
public class MuleReview {

	public record Candidate(String accountId, String institution, String decision, List<String> rules, String reason,
			Instant firstFlagged, Instant lastFlagged, int times, String status) {
	}

	private final Candidates candidates;

	MuleReview(Candidates candidates) {
		this.candidates = candidates;
	}

	@ApplicationModuleListener
	void on(MuleAccountFlagged flagged) {
		candidates.upsert(flagged.accountId(), flagged.institution(), flagged.decision(),
				String.join(",", flagged.rules()),
				flagged.reason().length() > 400 ? flagged.reason().substring(0, 400) : flagged.reason(),
				flagged.flaggedAt());
	}

	/** Open candidates, newest flag first; a bank sees its own accounts. */
	public List<Candidate> open(String institutionOrNull, int limit) {
		return candidates.open(institutionOrNull, limit);
	}

	/**
	 * The centre's verdict: STOP_PLANNED (goes into a case's stop plan) or DISMISSED (not
	 * a mule).
	 */
	public void close(String account, String verdict, String actor) {
		if (!"STOP_PLANNED".equals(verdict) && !"DISMISSED".equals(verdict)) {
			throw new InvalidFieldsException(Map.of("verdict", "must be STOP_PLANNED or DISMISSED"));
		}
		if (!candidates.close(account, verdict, actor)) {
			throw new NotFoundException("no open candidate " + account);
		}
	}

}
