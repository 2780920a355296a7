package org.fanzha.engine.telecom;

import java.util.List;

import org.fanzha.engine.rules.RuleText;

/**
 * The abnormal-SIM rules in the language of the transfer monitor's rules
 * ({@link RuleText}), over the SIM features of {@link #FEATURES}, one rule per line:
 *
 * <pre>
 * version 1
 * rule BOX_DEVICE: device.sims &gt;= 8 and device.calls1h &gt;= 30 -&gt; SUSPEND SIM_BOX "同一设备插入多张卡集中外呼，疑似猫池"
 * rule MASS_NEW: sim.ageDays &lt;= 90 and sim.calls24h &gt;= 40 and sim.answeredShare24h &lt;= 0.5 -&gt; RESTRICT_OUTGOING "新入网号码大量外呼"
 * shadow rule NIGHT: hour &lt; 6 and sim.calls1h &gt;= 10 -&gt; RE_VERIFY "夜间集中外呼"
 * </pre>
 *
 * The action is a {@link SimMeasure} ({@code RE_VERIFY}, {@code RESTRICT_OUTGOING},
 * {@code SUSPEND}, or {@code NONE} for a rule that only reports), optionally followed by
 * {@code SIM_BOX}: the rule marks the SIM as part of a SIM box (猫池/GOIP), to be reported
 * to the police and the telecom authority (art. 14). A SIM rule takes no duration: a
 * measure stays in force until lifted (re-verification, appeal). The reason is shown to
 * the operator's officer and told to the holder (art. 32), so it is written in plain
 * Chinese. Shadow rules are scored and reported, never act.
 */
public final class SimRuleSet {

	/**
	 * The features a SIM rule may name, in the order of the vector {@link SimMonitor}
	 * builds for the SIM that calls or texts (windows are bucketed: "24h" covers the last
	 * 18 to 24 hours, "1h" the last 45 to 60 minutes):
	 * <ul>
	 * <li>{@code hour}: hour of day, China Standard Time;</li>
	 * <li>{@code sim.ageDays}: days since activation ({@link SimMonitor#UNKNOWN_AGE_DAYS}
	 * when the activation is not known);</li>
	 * <li>{@code sim.calls1h}, {@code sim.calls24h}: outgoing calls;</li>
	 * <li>{@code sim.distinctCallees24h}, {@code sim.calleeRegions24h},
	 * {@code sim.cells24h}: distinct numbers called or texted, their regions (number
	 * attribution) and the cells the SIM called or texted from, estimated by linear
	 * counting (exact to a few percent below 30, saturating near 300 callees and 150
	 * regions or cells);</li>
	 * <li>{@code sim.answeredShare24h}: share of outgoing calls answered (1 with no
	 * calls);</li>
	 * <li>{@code sim.shortShare24h}: share of answered outgoing calls shorter than
	 * {@link SimMonitor#SHORT_CALL_SECONDS} (0 with none answered);</li>
	 * <li>{@code sim.calledBackShare24h}: calls back from people the SIM called, per
	 * outgoing call (1 with no calls);</li>
	 * <li>{@code sim.activeHours24h}: distinct hours of day with an outgoing call or
	 * text;</li>
	 * <li>{@code sim.imeiChanges24h}: times the SIM appeared in another handset;</li>
	 * <li>{@code sim.sms1h}, {@code sim.sms24h}: texts sent;</li>
	 * <li>{@code sim.gapCv}: coefficient of variation of the gaps between outgoing calls
	 * and texts under an hour apart, exponentially weighted (machine dialling is regular:
	 * near 0; people: near 1 or more; 9 until 8 gaps are seen);</li>
	 * <li>{@code sim.confirmed}: 1 when the number is confirmed as a fraud number (a
	 * victim's report, the police);</li>
	 * <li>{@code sim.contactsWithConfirmed24h}: calls and texts to confirmed
	 * numbers;</li>
	 * <li>{@code sim.contactedByConfirmed24h}: calls and texts received from confirmed
	 * numbers (a potential victim: for warnings, not a reason to restrict);</li>
	 * <li>{@code device.sims}: distinct SIMs seen in the handset (IMEI) of this event,
	 * exact up to 8;</li>
	 * <li>{@code device.sequentialSims}: other SIMs in the handset whose numbers lie
	 * within {@link SimMonitor#SEQUENTIAL_SPAN} of this one (sequential numbers, among
	 * the last 8 SIMs seen in it);</li>
	 * <li>{@code device.calls1h}: outgoing calls from the handset, all its SIMs
	 * together;</li>
	 * <li>{@code device.confirmedSims}: other confirmed SIMs among the last 8 seen in the
	 * handset;</li>
	 * <li>{@code cell.newSimsToday}: distinct SIMs younger than the new-SIM age that
	 * called or texted from this cell today.</li>
	 * </ul>
	 */
	public static final List<String> FEATURES = List.of("hour", "sim.ageDays", "sim.calls1h", "sim.calls24h",
			"sim.distinctCallees24h", "sim.calleeRegions24h", "sim.answeredShare24h", "sim.shortShare24h",
			"sim.calledBackShare24h", "sim.activeHours24h", "sim.cells24h", "sim.imeiChanges24h", "sim.sms1h",
			"sim.sms24h", "sim.gapCv", "sim.confirmed", "sim.contactsWithConfirmed24h", "sim.contactedByConfirmed24h",
			"device.sims", "device.sequentialSims", "device.calls1h", "device.confirmedSims", "cell.newSimsToday");

	/**
	 * One rule: its id, the measure it asks for, whether it reports a SIM box, the
	 * reason, shadow or not, the line.
	 */
	public record Rule(String id, SimMeasure measure, boolean simBox, String reason, boolean shadow, String source) {
	}

	private final RuleText<Rule> text;

	private SimRuleSet(RuleText<Rule> text) {
		this.text = text;
	}

	/**
	 * Parses SIM rules; errors name the line ({@link IllegalArgumentException}). At most
	 * 64 rules.
	 */
	public static SimRuleSet parse(String text) {
		RuleText<Rule> parsed = RuleText.parse(text, FEATURES, SimRuleSet::rule);
		if (parsed.rules().size() > 64) {
			throw new IllegalArgumentException("at most 64 SIM rules per set, got " + parsed.rules().size());
		}
		return new SimRuleSet(parsed);
	}

	private static Rule rule(RuleText.Line line) {
		List<String> words = line.words();
		SimMeasure measure = RuleText.word(line, words.get(0), SimMeasure.values(), "measure");
		boolean simBox = words.size() == 2 && words.get(1).equals("SIM_BOX");
		if (words.size() > 2 || words.size() == 2 && !simBox) {
			throw RuleText.error(line, "after the measure only SIM_BOX may follow, got " + String.join(" ", words));
		}
		if (line.durationSeconds() != 0) {
			throw RuleText.error(line, "a SIM measure takes no duration: it stays until lifted");
		}
		return new Rule(line.id(), measure, simBox, line.reason(), line.shadow(), line.source());
	}

	public int version() {
		return text.version();
	}

	public List<Rule> rules() {
		return text.rules();
	}

	/**
	 * Whether rule {@code r} matches the feature vector (named by {@link #FEATURES});
	 * allocates nothing.
	 */
	public boolean matches(int r, double[] features) {
		return text.matches(r, features);
	}

}
