package org.fanzha.monitoring;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fanzha.engine.monitor.RuleSet;
import org.fanzha.engine.monitor.TransferMonitor;
import org.fanzha.platform.ConflictException;
import org.fanzha.platform.InvalidFieldsException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monitoring rules in force, changed by an analyst at runtime without a rebuild: a
 * new text is parsed (errors name the line), must carry a higher version than the one in
 * force, is stored with who loaded it, and takes effect for the next transfer with the
 * accounts' windows intact. The shipped rules are version
 * {@code TransferMonitor.DEFAULT_RULES}'s until someone loads another; after a restart
 * the latest stored version is put back in force.
 */
@Service
public class MonitoringRules {

	public record RuleSetView(int version, String rules, String loadedBy, Instant loadedAt, String note) {
	}

	private final RuleSets sets;

	private final TransferScreening decisions;

	private final Clock clock;

	MonitoringRules(RuleSets sets, TransferScreening decisions, Clock clock) {
		this.sets = sets;
		this.decisions = decisions;
		this.clock = clock;
		sets.latest().ifPresent(v -> decisions.useRules(RuleSet.parse(v.rules())));
	}

	/** The set in force. */
	public RuleSetView current() {
		return sets.latest()
			.orElseGet(() -> new RuleSetView(decisions.rules().version(), TransferMonitor.DEFAULT_RULES, "fanzha", null,
					"shipped default"));
	}

	/** Every version loaded, newest first, then the shipped default. */
	public List<RuleSetView> history() {
		List<RuleSetView> all = new ArrayList<>(sets.all());
		RuleSet shipped = RuleSet.parse(TransferMonitor.DEFAULT_RULES);
		all.add(new RuleSetView(shipped.version(), TransferMonitor.DEFAULT_RULES, "fanzha", null, "shipped default"));
		return all;
	}

	@Transactional
	public synchronized RuleSetView load(String text, String note, String actor) {
		if (text == null || text.isBlank() || text.length() > 64_000) {
			throw new InvalidFieldsException(Map.of("rules", "send the rule set text (at most 64,000 characters)"));
		}
		if (note != null && note.length() > 200) {
			throw new InvalidFieldsException(Map.of("note", "must be at most 200 characters"));
		}
		RuleSet parsed;
		try {
			parsed = RuleSet.parse(text);
			if (parsed.rules().size() > 64) {
				throw new IllegalArgumentException("at most 64 rules per set");
			}
		}
		catch (IllegalArgumentException e) {
			throw new InvalidFieldsException(Map.of("rules", e.getMessage()));
		}
		int inForce = current().version();
		if (parsed.version() <= inForce) {
			throw new ConflictException("version " + parsed.version() + " is not newer than version " + inForce
					+ " in force; number the new set " + (inForce + 1) + " or higher");
		}
		Instant now = clock.instant();
		sets.insert(parsed.version(), text, actor, now, note);
		decisions.useRules(parsed);
		return new RuleSetView(parsed.version(), text, actor, now, note);
	}

}
