package org.fanzha.bench.drools;

import org.fanzha.engine.monitor.RuleEngine;

/**
 * Fanzha's guard, rebuilt for the Drools peer so that both sides apply the same rule set
 * semantics: a rule that acts on more than {@code capShare} of a block of {@code block}
 * decisions, or on more than half of a short block of
 * {@link org.fanzha.engine.monitor.RuleEngine#RUNAWAY_BLOCK} (a runaway rule), is put
 * into shadow mode (it is still reported as matched, it no longer acts). Counts every
 * matching active rule, as {@link org.fanzha.engine.monitor.RuleEngine} does.
 */
public final class Guard {

	private final double capShare;

	private final int block;

	private final int[] acted = new int[64];

	private final int[] actedShort = new int[64];

	private int evaluatedShort;

	private long guarded;

	private int evaluated;

	public Guard(double capShare, int block) {
		this.capShare = capShare;
		this.block = block;
	}

	public boolean guarded(int rule) {
		return (guarded & (1L << rule)) != 0;
	}

	/** Whether any rule has been shadowed. */
	public boolean alarm() {
		return guarded != 0;
	}

	/**
	 * Counts a decided transfer: {@code active} has bit r set when rule r matched and
	 * acted.
	 */
	void count(long active) {
		for (long m = active; m != 0; m &= m - 1) {
			int r = Long.numberOfTrailingZeros(m);
			acted[r]++;
			actedShort[r]++;
		}
		if (++evaluatedShort >= RuleEngine.RUNAWAY_BLOCK) {
			for (int r = 0; r < actedShort.length; r++) {
				if (!guarded(r) && actedShort[r] * 2 > evaluatedShort) {
					guarded |= 1L << r;
				}
				actedShort[r] = 0;
			}
			evaluatedShort = 0;
		}
		if (++evaluated >= block) {
			for (int r = 0; r < acted.length; r++) {
				if (!guarded(r) && acted[r] > capShare * evaluated) {
					guarded |= 1L << r;
				}
				acted[r] = 0;
			}
			evaluated = 0;
		}
	}

}
