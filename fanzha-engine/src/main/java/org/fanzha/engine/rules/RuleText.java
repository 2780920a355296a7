package org.fanzha.engine.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rule language shared by the transfer monitor
 * ({@link org.fanzha.engine.monitor.RuleSet}) and the SIM monitor
 * ({@link org.fanzha.engine.telecom.SimRuleSet}), parsed against a caller's list of
 * feature names. One rule per line:
 *
 * <pre>
 * version 3
 * rule FAN_IN: payee.newPayersToday &gt;= 5 and payee.countIn1h &gt;= 5 -&gt; DELAY 24h "多名新付款人短时间内转入"
 * shadow rule NIGHT: hour &lt; 6 and amount &gt;= 500000 -&gt; WARN_PAYER "夜间大额转账"
 * rule BOX: device.sims &gt;= 8 -&gt; SUSPEND SIM_BOX "同一设备插入多张卡"
 * </pre>
 *
 * A condition is comparisons ({@code >= > <= < ==}) of named features with numbers,
 * joined by {@code and}, then {@code or} ({@code and} binds tighter). The action is one
 * or more upper-case words (what they mean is the caller's: {@link #words}), optionally
 * followed by a duration ({@code 30m}, {@code 24h}, {@code 7d}), then the reason in
 * double quotes. {@code #} starts a comment line; a {@code version N} line is required;
 * rule ids are unique. Each line is turned into the caller's rule type {@code R} by a
 * function that reads its words (and may refuse them with {@link #error}).
 *
 * <p>
 * Parsing compiles every condition into flat arrays (feature index, operator, threshold
 * per comparison, and per rule the ranges of its {@code or} clauses), so {@link #matches}
 * walks primitive arrays and allocates nothing. Errors are
 * {@link IllegalArgumentException}s that name the line ({@link #error}).
 */
public final class RuleText<R> {

	/**
	 * One parsed rule line: its id, whether it is a shadow rule, its action words,
	 * duration and reason.
	 */
	public record Line(int lineNumber, String id, boolean shadow, List<String> words, long durationSeconds,
			String reason, String source) {
	}

	static final int GE = 0;

	static final int GT = 1;

	static final int LE = 2;

	static final int LT = 3;

	static final int EQ = 4;

	private static final Pattern RULE = Pattern
		.compile("(shadow\\s+)?rule\\s+([A-Z][A-Z0-9_]{0,39})\\s*:\\s*(.+?)\\s*->\\s*"
				+ "([A-Z_]+(?:\\s+[A-Z_]+)*)(?:\\s+(\\d+)([mhd]))?\\s+\"([^\"]{1,200})\"\\s*");

	private static final Pattern CMP = Pattern
		.compile("\\s*([a-zA-Z0-9_.]+)\\s*(>=|<=|==|>|<)\\s*(-?[0-9]+(?:\\.[0-9]+)?)\\s*");

	private final int version;

	private final List<Line> lines;

	private final List<R> rules;

	/** Per rule: the comparison ranges [clauseStart, clauseEnd) of its or-clauses. */
	private final int[][] clauseStart;

	private final int[][] clauseEnd;

	private final int[] feature;

	private final int[] op;

	private final double[] threshold;

	private RuleText(int version, List<Line> lines, List<R> rules, int[][] clauseStart, int[][] clauseEnd,
			int[] feature, int[] op, double[] threshold) {
		this.version = version;
		this.lines = List.copyOf(lines);
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

	/**
	 * The rule lines in the order written; rule r of {@link #matches} is
	 * {@code lines().get(r)}.
	 */
	public List<Line> lines() {
		return lines;
	}

	/** The rules as the caller's type, in the same order. */
	public List<R> rules() {
		return rules;
	}

	/**
	 * An error about a rule line, in the form every parse error takes: "line N: message".
	 */
	public static IllegalArgumentException error(Line line, String message) {
		return new IllegalArgumentException("line " + line.lineNumber() + ": " + message);
	}

	/**
	 * The action word {@code word} of a line as one of {@code values} (an enum's), or an
	 * error naming the line: "unknown {what} WORD; use one of [...]".
	 */
	public static <E extends Enum<E>> E word(Line line, String word, E[] values, String what) {
		for (E e : values) {
			if (e.name().equals(word)) {
				return e;
			}
		}
		throw error(line, "unknown " + what + " " + word + "; use one of " + Arrays.toString(values));
	}

	/**
	 * Parses rule text whose conditions may name {@code features} (index i of the list =
	 * slot i of the vector), each line turned into a rule by {@code typed}.
	 */
	public static <R> RuleText<R> parse(String text, List<String> features, Function<Line, R> typed) {
		int version = -1;
		List<Line> rules = new ArrayList<>();
		List<R> typedRules = new ArrayList<>();
		List<int[]> starts = new ArrayList<>();
		List<int[]> ends = new ArrayList<>();
		int[] feature = new int[16];
		int[] op = new int[16];
		double[] threshold = new double[16];
		int n = 0;
		String[] lines = text.split("\r?\n", -1);
		Set<String> ids = new HashSet<>();
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
				throw new IllegalArgumentException(
						where + "expected: [shadow] rule ID: condition -> ACTION [N(m|h|d)] \"reason\"");
			}
			String id = m.group(2);
			if (!ids.add(id)) {
				throw new IllegalArgumentException(where + "rule " + id + " is defined twice");
			}
			long duration = 0;
			if (m.group(5) != null) {
				long unit = switch (m.group(6)) {
					case "m" -> 60;
					case "h" -> 3_600;
					default -> 86_400;
				};
				duration = Long.parseLong(m.group(5)) * unit;
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
					int f = features.indexOf(cm.group(1));
					if (f < 0) {
						throw new IllegalArgumentException(
								where + "unknown feature " + cm.group(1) + "; known: " + features);
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
			Line parsed = new Line(ln + 1, id, m.group(1) != null, List.of(m.group(4).split("\\s+")), duration,
					m.group(7), line);
			rules.add(parsed);
			typedRules.add(typed.apply(parsed));
		}
		if (version < 0) {
			throw new IllegalArgumentException("the rule set needs a 'version N' line");
		}
		return new RuleText<>(version, rules, typedRules, starts.toArray(int[][]::new), ends.toArray(int[][]::new),
				Arrays.copyOf(feature, n), Arrays.copyOf(op, n), Arrays.copyOf(threshold, n));
	}

	/**
	 * Whether rule {@code r}'s condition holds for the feature vector; allocates nothing.
	 */
	public boolean matches(int r, double[] features) {
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
