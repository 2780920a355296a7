package org.fanzha.engine.monitor;

/**
 * Scores transfers against a {@link RuleSet}: the most severe action among the matching active rules wins,
 * every matching rule (shadow ones too) is reported by its reason code.
 *
 * <p>The guard: a rule that acts on more than {@code capShare} of a block of {@code guardWindow} transfers is
 * put into shadow mode on its own and raises an alarm — one bad threshold must not hold up a province's
 * payments. A runaway rule (acting on more than half of a short block of {@link #RUNAWAY_BLOCK} transfers) is
 * shadowed at once, without waiting for the long block. An analyst re-arms it by loading a new version. State is a few counters per rule; scoring
 * allocates nothing ({@link Verdict} is reused by the caller).
 */
public final class RuleEngine {

	/** The outcome of one transfer; reused by the caller to avoid allocation. */
	public static final class Verdict {

		public Action action = Action.ALLOW;

		public long holdSeconds;

		/** Bit r set: rule r matched (shadow or guarded rules included). */
		public long matched;

		/** Bit r set: rule r decided the action. */
		public long acted;

		void reset() {
			action = Action.ALLOW;
			holdSeconds = 0;
			matched = 0;
			acted = 0;
		}
	}

	private final RuleSet rules;

	private final double capShare;

	private final int guardWindow;

	/** Short block for the runaway check. */
	public static final int RUNAWAY_BLOCK = 1_000;

	private final int[] actedInWindow;

	private final int[] actedInShort;

	private int evaluatedShort;

	private final boolean[] guarded;

	private int evaluated;

	private boolean alarm;

	public RuleEngine(RuleSet rules, double capShare, int guardWindow) {
		if (rules.rules().size() > 64) {
			throw new IllegalArgumentException("at most 64 rules per set");
		}
		if (capShare <= 0 || capShare > 1 || guardWindow < 100) {
			throw new IllegalArgumentException("capShare must be in (0, 1] and guardWindow >= 100");
		}
		this.rules = rules;
		this.capShare = capShare;
		this.guardWindow = guardWindow;
		this.actedInWindow = new int[rules.rules().size()];
		this.actedInShort = new int[rules.rules().size()];
		this.guarded = new boolean[rules.rules().size()];
	}

	public void score(double[] features, Verdict out) {
		out.reset();
		int n = actedInWindow.length;
		int best = -1;
		for (int r = 0; r < n; r++) {
			if (!rules.matches(r, features)) {
				continue;
			}
			out.matched |= 1L << r;
			RuleSet.Rule rule = rules.rules().get(r);
			if (rule.shadow() || guarded[r]) {
				continue;
			}
			actedInWindow[r]++;
			actedInShort[r]++;
			if (best < 0 || rule.action().compareTo(rules.rules().get(best).action()) > 0) {
				best = r;
			}
		}
		if (best >= 0) {
			RuleSet.Rule rule = rules.rules().get(best);
			out.action = rule.action();
			out.holdSeconds = rule.holdSeconds();
			out.acted = 1L << best;
		}
		if (++evaluatedShort >= RUNAWAY_BLOCK) {
			for (int r = 0; r < n; r++) {
				if (!guarded[r] && actedInShort[r] * 2 > evaluatedShort) {
					guarded[r] = true;
					alarm = true;
				}
				actedInShort[r] = 0;
			}
			evaluatedShort = 0;
		}
		if (++evaluated >= guardWindow) {
			for (int r = 0; r < n; r++) {
				if (!guarded[r] && actedInWindow[r] > capShare * evaluated) {
					guarded[r] = true;
					alarm = true;
				}
				actedInWindow[r] = 0;
			}
			evaluated = 0;
		}
	}

	/** Whether the guard has shadowed a rule since this engine was loaded. */
	public boolean alarm() {
		return alarm;
	}

	public boolean guarded(String ruleId) {
		for (int r = 0; r < guarded.length; r++) {
			if (rules.rules().get(r).id().equals(ruleId)) {
				return guarded[r];
			}
		}
		throw new IllegalArgumentException("no rule " + ruleId);
	}

	public RuleSet rules() {
		return rules;
	}
}
