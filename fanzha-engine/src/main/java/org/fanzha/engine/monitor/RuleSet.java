package org.fanzha.engine.monitor;

import java.util.List;

import org.fanzha.engine.rules.RuleText;

/**
 * Monitoring rules in a form analysts read and change without a rebuild, one per line:
 *
 * <pre>
 * version 3
 * rule FAN_IN: payee.newPayersToday &gt;= 5 and payee.countIn1h &gt;= 5 -&gt; DELAY 24h "多名新付款人短时间内转入"
 * rule QUICK_OUT: payee.passThrough24h &gt;= 0.9 and payee.dwellMinutes &lt;= 30 or amount &gt;= 4999000 -&gt; REVIEW "快进快出"
 * shadow rule NIGHT: hour &lt; 6 and amount &gt;= 500000 -&gt; WARN_PAYER "夜间大额转账"
 * </pre>
 *
 * A condition is comparisons of named features ({@link #FEATURES}) with numbers, joined
 * by {@code and}, then {@code or} ({@code and} binds tighter). A {@code shadow} rule
 * scores and is reported but never acts. Parsing ({@link RuleText}, shared with the SIM
 * rules) compiles every rule to flat arrays (feature index, operator, threshold per
 * comparison), so evaluating a transfer walks primitive arrays and allocates nothing.
 * Errors name the line and what is wrong.
 */
public final class RuleSet {

	/** The features a rule may name, in the order of the feature vector. */
	public static final List<String> FEATURES = List.of("amount", "hour", "payee.countIn10m", "payee.countIn1h",
			"payee.sumIn24h", "payee.passThrough24h", "payee.dwellMinutes", "payee.newPayersToday", "payee.ageDays",
			"payee.idleDays", "payer.countOut1h", "payer.sumOut24h", "payee.hopsFromConfirmed",
			"payer.hopsFromConfirmed", "payer.minutesSinceFlaggedContact", "payer.accountsOnDevice", "payee.flagged",
			"payer.flagged", "model");

	public record Rule(String id, Action action, long holdSeconds, String reason, boolean shadow, String source) {
	}

	private final RuleText<Rule> text;

	private RuleSet(RuleText<Rule> text) {
		this.text = text;
	}

	public int version() {
		return text.version();
	}

	public List<Rule> rules() {
		return text.rules();
	}

	public static RuleSet parse(String text) {
		return new RuleSet(RuleText.parse(text, FEATURES, RuleSet::rule));
	}

	private static Rule rule(RuleText.Line line) {
		Action action = RuleText.word(line, String.join(" ", line.words()), Action.values(), "action");
		if (action == Action.DELAY && line.durationSeconds() == 0) {
			throw RuleText.error(line, "a DELAY needs its duration, e.g. DELAY 24h");
		}
		return new Rule(line.id(), action, line.durationSeconds(), line.reason(), line.shadow(), line.source());
	}

	/** Whether rule {@code r} matches the feature vector. */
	boolean matches(int r, double[] features) {
		return text.matches(r, features);
	}

}
