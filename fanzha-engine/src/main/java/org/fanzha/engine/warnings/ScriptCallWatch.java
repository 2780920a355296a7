package org.fanzha.engine.warnings;

import org.fanzha.engine.telecom.SimMeasure;
import org.fanzha.engine.telecom.SimRuleSet;

/*
 * Tells a script call (话术电话) from a number that nobody has restricted yet: the call was answered for at least
 * minScriptSeconds and the calling number, in the SIM monitor's feature vector of that very call (SimRuleSet.FEATURES,
 * the number's own past only), calls like a fraud script — new, many strangers, nobody calls back, or one-ring
 * bursts. It is a watch below restriction: a restriction needs evidence enough to cut a subscriber off (art. 31), a
 * warning to the person on the line needs less, so the watch fires hours earlier on a fresh SIM, and it warns only the
 * person who stayed on the line, not everyone the number rang.
 *
 * The patterns are rules in the SIM rule language with the measure NONE (they only report); DEFAULT_RULES:
 *   COLD_CALLING_NEW  a number at most 180 days old that called or texted at least 5 distinct numbers in 24 h, at most
 *                     60 % of its calls answered and at most 10 % called back (people answer their contacts: about
 *                     85 % in the simulator);
 *   COLD_CALLING      any number with at least 10 distinct callees in 24 h, at most 60 % answered, at most 5 % called
 *                     back;
 *   ONE_RING_BURST    at least 5 calls in the hour, at most half answered in 24 h, and most answered ones short.
 * Thresholds are assumptions tuned on Fanzha's simulator (docs/evaluation.md "Warning when the contact gets through"),
 * not operator data. Script length: 60 s (a fraud script's opening takes minutes; hang-ups and one-ring calls do not).
 * Cost: one pass over at most 64 rules, each a few comparisons on the vector; allocates nothing.
 * References: SimRuleSet (features), DOMAIN.md §3 "Warning and dissuasion"; no public figure gives the thresholds.
 */
/** Whether a call from a not-yet-restricted number is a fraud script's call. */
public final class ScriptCallWatch {

	/** The patterns shipped by default (see the class comment). */
	public static final String DEFAULT_RULES = """
			version 1
			rule COLD_CALLING_NEW: sim.ageDays <= 180 and sim.distinctCallees24h >= 5 and sim.answeredShare24h <= 0.6 and sim.calledBackShare24h <= 0.1 -> NONE "新入网号码短时间内联系多个陌生号码且无人回拨"
			rule COLD_CALLING: sim.distinctCallees24h >= 10 and sim.answeredShare24h <= 0.6 and sim.calledBackShare24h <= 0.05 -> NONE "短时间内联系大量陌生号码，接通率低且几乎无人回拨"
			rule ONE_RING_BURST: sim.calls1h >= 5 and sim.answeredShare24h <= 0.5 and sim.shortShare24h >= 0.5 -> NONE "一小时内集中外呼，接通率低且多为响一声或短时通话"
			""";

	/** Answered seconds from which a call counts as a script's (default 60). */
	public static final int DEFAULT_SCRIPT_SECONDS = 60;

	private final SimRuleSet rules;

	private final int scriptSeconds;

	public ScriptCallWatch() {
		this(SimRuleSet.parse(DEFAULT_RULES), DEFAULT_SCRIPT_SECONDS);
	}

	public ScriptCallWatch(SimRuleSet rules, int scriptSeconds) {
		if (rules == null || scriptSeconds < 1) {
			throw new IllegalArgumentException("rules are required and scriptSeconds must be >= 1");
		}
		for (SimRuleSet.Rule r : rules.rules()) {
			if (r.measure() != SimMeasure.NONE) {
				throw new IllegalArgumentException("a watch rule only reports: " + r.id() + " -> " + r.measure());
			}
		}
		this.rules = rules;
		this.scriptSeconds = scriptSeconds;
	}

	/**
	 * Whether the number calls like a fraud script, from the features of its latest call
	 * or text.
	 */
	public boolean coldCaller(double[] features) {
		if (features == null || features.length != SimRuleSet.FEATURES.size()) {
			throw new IllegalArgumentException("a feature vector of SimRuleSet.FEATURES is required");
		}
		for (int r = 0; r < rules.rules().size(); r++) {
			if (rules.matches(r, features)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether an answered call of {@code seconds} with these caller features is a script
	 * call.
	 */
	public boolean scriptCall(double[] features, int seconds) {
		return seconds >= scriptSeconds && coldCaller(features);
	}

	public int scriptSeconds() {
		return scriptSeconds;
	}

}
