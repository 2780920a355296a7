package org.fanzha.engine.trace;

/**
 * What to trace.
 *
 * @param seeds transfer indices of victims' payments
 * @param victimOfSeed which victim each seed belongs to (0..victims-1); null means one
 * victim per seed
 * @param asOf epoch second: transfers after it are not (yet) followed
 * @param maxHops flows beyond this level are reported as exits of kind LIMIT, not
 * followed
 * @param minAmountFen traced amounts below this are reported as exits of kind LIMIT, not
 * followed
 * @param horizonSeconds nothing later than the first seed plus this is followed
 */
public record TraceRequest(int[] seeds, int[] victimOfSeed, long asOf, Policy policy, int maxHops, long minAmountFen,
		long horizonSeconds) {

	public static final int DEFAULT_MAX_HOPS = 8;

	public TraceRequest {
		if (seeds == null || seeds.length == 0) {
			throw new IllegalArgumentException("a trace needs at least one seed transfer");
		}
		if (victimOfSeed != null && victimOfSeed.length != seeds.length) {
			throw new IllegalArgumentException("victimOfSeed must name a victim for each seed");
		}
		if (maxHops < 1 || maxHops > 64) {
			throw new IllegalArgumentException("maxHops must be between 1 and 64, got " + maxHops);
		}
		if (minAmountFen < 0 || horizonSeconds <= 0) {
			throw new IllegalArgumentException("minAmountFen must be >= 0 and horizonSeconds > 0");
		}
		if (policy == null) {
			throw new IllegalArgumentException("policy is required");
		}
	}

	public static TraceRequest of(Policy policy, long asOf, int... seeds) {
		return new TraceRequest(seeds, null, asOf, policy, DEFAULT_MAX_HOPS, 0, 365L * 86_400);
	}

	public int victims() {
		if (victimOfSeed == null) {
			return seeds.length;
		}
		int max = -1;
		for (int v : victimOfSeed) {
			if (v < 0) {
				throw new IllegalArgumentException("victim index must be >= 0");
			}
			max = Math.max(max, v);
		}
		return max + 1;
	}

	public int victimOf(int seed) {
		return victimOfSeed == null ? seed : victimOfSeed[seed];
	}

	public TraceRequest withLimits(int maxHops, long minAmountFen) {
		return new TraceRequest(seeds, victimOfSeed, asOf, policy, maxHops, minAmountFen, horizonSeconds);
	}
}
