package org.fanzha.sim.world;

/**
 * SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators",
 * OOPSLA 2014): one 64-bit state, one multiply-xorshift finaliser per draw, no
 * allocation. Statistical quality is ample for simulation and it is several times faster
 * than java.util.Random. {@link #hash} gives order-independent deterministic values (the
 * same person gets the same name whichever thread or order asks).
 */
public final class Rng {

	private static final long GOLDEN = 0x9E3779B97F4A7C15L;

	private long state;

	public Rng(long seed) {
		this.state = seed;
	}

	public static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	/** A deterministic 64-bit hash of a seed and two keys. */
	public static long hash(long seed, long a, long b) {
		return mix(mix(mix(seed + GOLDEN) ^ (a * GOLDEN)) ^ (b + 0x632BE59BD9B4E019L));
	}

	/**
	 * A fresh generator for a sub-stream, so adding draws in one part of the world does
	 * not shift another.
	 */
	public static Rng of(long seed, long stream) {
		return new Rng(hash(seed, stream, 0x5EED));
	}

	public long nextLong() {
		return mix(state += GOLDEN);
	}

	/** Uniform in [0, 1). */
	public double nextDouble() {
		return (nextLong() >>> 11) * 0x1.0p-53;
	}

	/** Uniform in [0, bound). */
	public int nextInt(int bound) {
		return (int) (((nextLong() >>> 33) * bound) >>> 31);
	}

	/** Uniform in [lo, hi]. */
	public int between(int lo, int hi) {
		return lo + nextInt(hi - lo + 1);
	}

	public long nextLong(long bound) {
		long r = nextLong() >>> 1;
		return r % bound;
	}

	public boolean chance(double p) {
		return nextDouble() < p;
	}

	public double gaussian() {
		// Box-Muller; one value per call keeps the stream position independent of caching
		double u1 = 1.0 - nextDouble();
		double u2 = nextDouble();
		return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
	}

	/** Log-normal with the given median and shape sigma. */
	public double logNormal(double median, double sigma) {
		return median * Math.exp(sigma * gaussian());
	}

	public double exponential(double mean) {
		return -mean * Math.log(1.0 - nextDouble());
	}

	/** Poisson by inversion for small means, normal approximation for large ones. */
	public int poisson(double mean) {
		if (mean <= 0) {
			return 0;
		}
		if (mean > 60) {
			return Math.max(0, (int) Math.round(mean + Math.sqrt(mean) * gaussian()));
		}
		double l = Math.exp(-mean);
		int k = 0;
		double p = 1.0;
		do {
			k++;
			p *= nextDouble();
		}
		while (p > l);
		return k - 1;
	}

	/** Index drawn from cumulative weights (ascending, last = total). */
	public int pick(double[] cumulative) {
		double x = nextDouble() * cumulative[cumulative.length - 1];
		int lo = 0;
		int hi = cumulative.length - 1;
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (cumulative[mid] > x) {
				hi = mid;
			}
			else {
				lo = mid + 1;
			}
		}
		return lo;
	}

	public static double[] cumulative(double... weights) {
		double[] c = new double[weights.length];
		double sum = 0;
		for (int i = 0; i < weights.length; i++) {
			sum += weights[i];
			c[i] = sum;
		}
		return c;
	}

}
