package org.fanzha.engine.monitor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * A condition is comparisons of named features ({@link #FEATURES}) with numbers, joined by {@code and}, then
 * {@code or} ({@code and} binds tighter). A {@code shadow} rule scores and is reported but never acts. Parsing
 * compiles every rule to flat arrays (feature index, operator, threshold per comparison), so evaluating a
 * transfer walks primitive arrays and allocates nothing. Errors name the line and what is wrong.
 */
public final class RuleSet {

	/** The features a rule may name, in the order of the feature vector. */
	public static final List<String> FEATURES = List.of("amount", "hour", "payee.countIn10m", "payee.countIn1h",
			"payee.sumIn24h", "payee.passThrough24h", "payee.dwellMinutes", "payee.newPayersToday", "payee.ageDays",
			"payee.idleDays", "payer.countOut1h", "payer.sumOut24h", "payee.hopsFromConfirmed", "payer.hopsFromConfirmed",
			"payer.minutesSinceFlaggedContact", "payer.accountsOnDevice", "payee.flagged", "payer.flagged", "model");

	static final int GE = 0;

	static final int GT = 1;

	static final int LE = 2;

	static final int LT = 3;

	static final int EQ = 4;

	public record Rule(String id, Action action, long holdSeconds, String reason, boolean shadow, String source) {
	}

	private final int version;

	private final List<Rule> rules;

	/** Per rule: clause starts (OR groups) into the comparison arrays. */
	final int[][] clauseStart;

	final int[][] clauseEnd;

	final int[] feature;

	final int[] op;

	final double[] threshold;

	private RuleSet(int version, List<Rule> rules, int[][] clauseStart, int[][] clauseEnd, int[] feature, int[] op,
			double[] threshold) {
		this.version = version;
		this.rules = List.copyOf(rules);
		this.clauseStart = clauseStart;
		this.clauseEnd = clauseEnd;
		this.feature = feature;
		this.op = op;
		this.threshold = threshold;
	}

	public int version() {
		return version;
	}

	public List<Rule> rules() {
		return rules;
	}

	private static final Pattern RULE = Pattern.compile(
			"(shadow\\s+)?rule\\s+([A-Z][A-Z0-9_]{0,39})\\s*:\\s*(.+?)\\s*->\\s*([A-Z_]+)(?:\\s+(\\d+)([mhd]))?\\s+\"([^\"]{1,200})\"\\s*");

	private static final Pattern CMP = Pattern.compile("\\s*([a-zA-Z0-9_.]+)\\s*(>=|<=|==|>|<)\\s*(-?[0-9]+(?:\\.[0-9]+)?)\\s*");

	public static RuleSet parse(String text) {
		int version = -1;
		List<Rule> rules = new ArrayList<>();
		List<int[]> starts = new ArrayList<>();
		List<int[]> ends = new ArrayList<>();
		int[] feature = new int[16];
		int[] op = new int[16];
		double[] threshold = new double[16];
		int n = 0;
		String[] lines = text.split("\r?\n", -1);
		java.util.Set<String> ids = new java.util.HashSet<>();
		for (int ln = 0; ln < lines.length; ln++) {
			String line = lines[ln].strip();
			String where = "line " + (ln + 1) + ": ";
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			if (line.startsWith("version")) {
				try {
					version = Integer.parseInt(line.substring("version".length()).strip());
				}
				catch (NumberFormatException e) {
					throw new IllegalArgumentException(where + "version must be a whole number");
				}
				continue;
			}
			Matcher m = RULE.matcher(line);
			if (!m.matches()) {
				throw new IllegalArgumentException(where + "expected: [shadow] rule ID: condition -> ACTION [N(m|h|d)] \"reason\"");
			}
			String id = m.group(2);
			if (!ids.add(id)) {
				throw new IllegalArgumentException(where + "rule " + id + " is defined twice");
			}
			Action action;
			try {
				action = Action.valueOf(m.group(4));
			}
			catch (IllegalArgumentException e) {
				throw new IllegalArgumentException(where + "unknown action " + m.group(4) + "; use one of "
						+ Arrays.toString(Action.values()));
			}
			long hold = 0;
			if (m.group(5) != null) {
				long unit = switch (m.group(6)) {
					case "m" -> 60;
					case "h" -> 3_600;
					default -> 86_400;
				};
				hold = Long.parseLong(m.group(5)) * unit;
			}
			if (action == Action.DELAY && hold == 0) {
				throw new IllegalArgumentException(where + "a DELAY needs its duration, e.g. DELAY 24h");
			}
			String[] or = m.group(3).split("\\s+or\\s+");
			int[] s = new int[or.length];
			int[] e = new int[or.length];
			for (int c = 0; c < or.length; c++) {
				s[c] = n;
				for (String cmp : or[c].split("\\s+and\\s+")) {
					Matcher cm = CMP.matcher(cmp);
					if (!cm.matches()) {
						throw new IllegalArgumentException(where + "cannot read the comparison '" + cmp.strip() + "'");
					}
					int f = FEATURES.indexOf(cm.group(1));
					if (f < 0) {
						throw new IllegalArgumentException(where + "unknown feature " + cm.group(1) + "; known: " + FEATURES);
					}
					if (n == feature.length) {
						feature = Arrays.copyOf(feature, n * 2);
						op = Arrays.copyOf(op, n * 2);
						threshold = Arrays.copyOf(threshold, n * 2);
					}
					feature[n] = f;
					op[n] = switch (cm.group(2)) {
						case ">=" -> GE;
						case ">" -> GT;
						case "<=" -> LE;
						case "<" -> LT;
						default -> EQ;
					};
					threshold[n] = Double.parseDouble(cm.group(3));
					n++;
				}
				e[c] = n;
			}
			starts.add(s);
			ends.add(e);
			rules.add(new Rule(id, action, hold, m.group(7), m.group(1) != null, line));
		}
		if (version < 0) {
			throw new IllegalArgumentException("the rule set needs a 'version N' line");
		}
		return new RuleSet(version, rules, starts.toArray(int[][]::new), ends.toArray(int[][]::new),
				Arrays.copyOf(feature, n), Arrays.copyOf(op, n), Arrays.copyOf(threshold, n));
	}

	/** Whether rule {@code r} matches the feature vector. */
	boolean matches(int r, double[] features) {
		int[] s = clauseStart[r];
		int[] e = clauseEnd[r];
		final int[] f = feature;
		final int[] o = op;
		final double[] t = threshold;
		for (int c = 0; c < s.length; c++) {
			boolean all = true;
			for (int i = s[c]; i < e[c] && all; i++) {
				double v = features[f[i]];
				all = switch (o[i]) {
					case GE -> v >= t[i];
					case GT -> v > t[i];
					case LE -> v <= t[i];
					case LT -> v < t[i];
					default -> v == t[i];
				};
			}
			if (all) {
				return true;
			}
		}
		return false;
	}
}
