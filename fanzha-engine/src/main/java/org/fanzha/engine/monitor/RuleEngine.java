package org.fanzha.engine.monitor;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Scores transfers against a {@link RuleSet}: the most severe action among the matching
 * active rules wins, every matching rule (shadow ones too) is reported by its reason
 * code.
 *
 * <p>
 * The guard: a rule that acts on more than {@code capShare} of a block of
 * {@code guardWindow} transfers is put into shadow mode on its own and raises an alarm —
 * one bad threshold must not hold up a province's payments. A runaway rule (acting on
 * more than half of a short block of {@link #RUNAWAY_BLOCK} transfers) is shadowed at
 * once, without waiting for the long block. An analyst re-arms it by loading a new
 * version.
 *
 * <p>
 * The guard counts per scope (the platform uses one per reporting bank): one bank's
 * traffic that trips a rule shadows it for that bank only, so a burst from one
 * institution cannot switch a rule off for the others. State is a few counters per rule
 * and scope, in flat arrays indexed {@code scope * rules + rule}, grown when a new scope
 * first appears; scoring allocates nothing ({@link Verdict} is reused by the caller).
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

	private final int n;

	private int[] actedInWindow;

	private int[] actedInShort;

	private int[] evaluatedShort;

	private boolean[] guarded;

	private int[] evaluated;

	/** Scopes where the guard shadowed a rule since this engine was loaded. */
	private final BitSet alarms = new BitSet();

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
		this.n = rules.rules().size();
		this.actedInWindow = new int[n];
		this.actedInShort = new int[n];
		this.guarded = new boolean[n];
		this.evaluated = new int[1];
		this.evaluatedShort = new int[1];
	}

	private void grow(int scope) {
		int scopes = Math.max(scope + 1, evaluated.length * 2);
		actedInWindow = Arrays.copyOf(actedInWindow, scopes * n);
		actedInShort = Arrays.copyOf(actedInShort, scopes * n);
		guarded = Arrays.copyOf(guarded, scopes * n);
		evaluated = Arrays.copyOf(evaluated, scopes);
		evaluatedShort = Arrays.copyOf(evaluatedShort, scopes);
	}

	/** Scores in scope 0 (one guard for all traffic). */
	public void score(double[] features, Verdict out) {
		score(features, out, 0);
	}

	/**
	 * Scores a transfer; {@code scope} (0 or more) selects whose guard counters it counts
	 * toward.
	 */
	public void score(double[] features, Verdict out, int scope) {
		out.reset();
		if (scope >= evaluated.length) {
			grow(scope);
		}
		final int base = scope * n;
		final int[] window = actedInWindow;
		final int[] shortBlock = actedInShort;
		final boolean[] off = guarded;
		int best = -1;
		for (int r = 0; r < n; r++) {
			if (!rules.matches(r, features)) {
				continue;
			}
			out.matched |= 1L << r;
			RuleSet.Rule rule = rules.rules().get(r);
			if (rule.shadow() || off[base + r]) {
				continue;
			}
			window[base + r]++;
			shortBlock[base + r]++;
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
		if (++evaluatedShort[scope] >= RUNAWAY_BLOCK) {
			for (int r = 0; r < n; r++) {
				if (!off[base + r] && shortBlock[base + r] * 2 > evaluatedShort[scope]) {
					off[base + r] = true;
					alarms.set(scope);
				}
				shortBlock[base + r] = 0;
			}
			evaluatedShort[scope] = 0;
		}
		if (++evaluated[scope] >= guardWindow) {
			for (int r = 0; r < n; r++) {
				if (!off[base + r] && window[base + r] > capShare * evaluated[scope]) {
					off[base + r] = true;
					alarms.set(scope);
				}
				window[base + r] = 0;
			}
			evaluated[scope] = 0;
		}
	}

	/**
	 * Whether the guard has shadowed a rule in any scope since this engine was loaded.
	 */
	public boolean alarm() {
		return !alarms.isEmpty();
	}

	/** Whether the guard has shadowed a rule for this scope. */
	public boolean alarm(int scope) {
		return alarms.get(scope);
	}

	/** Whether the rule is shadowed by the guard in scope 0. */
	public boolean guarded(String ruleId) {
		return guarded(ruleId, 0);
	}

	/** Whether the rule is shadowed by the guard in this scope. */
	public boolean guarded(String ruleId, int scope) {
		for (int r = 0; r < n; r++) {
			if (rules.rules().get(r).id().equals(ruleId)) {
				return scope < evaluated.length && guarded[scope * n + r];
			}
		}
		throw new IllegalArgumentException("no rule " + ruleId);
	}

	public RuleSet rules() {
		return rules;
	}

}
