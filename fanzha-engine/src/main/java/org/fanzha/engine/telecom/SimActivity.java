package org.fanzha.engine.telecom;

import java.util.Arrays;

/**
 * Per-SIM streaming state for {@link SimMonitor}: two bucketed sliding windows of
 * counters and small sketches, the timing of outgoing calls and texts, the last handset,
 * the SIM's recent callers, and the monitor's own per-SIM fields (number, activation,
 * confirmation, measure in force). SIMs are dense int indices (numbered by
 * {@link LongIndex} from their phone numbers).
 *
 * <p>
 * <b>Layout.</b> Everything a SIM holds lives in two slabs, one of {@value #IS} ints and
 * one of {@value #LS} longs per SIM, so that an event touches a few neighbouring cache
 * lines per SIM rather than one line in each of thirty arrays; nothing is allocated per
 * event. 448 bytes a SIM.
 *
 * <p>
 * <b>Windows.</b> A 1-hour window (four 15-minute buckets: calls, texts) and a 24-hour
 * window (four 6-hour buckets: calls, answered, short, texts, call-backs, handset
 * changes, contacts with confirmed numbers both ways, and an hour-of-day bit mask), as in
 * {@code AccountFeatures}: a read at time t covers between 3/4 and all of the window; an
 * update touches one bucket per window and clears at most four; an event older than a
 * window's ring counts only where its bucket is still held.
 *
 * <p>
 * <b>Distinct counts.</b> Distinct callees (128 bits), callee regions and cells (64 bits
 * each) are linear-counting bitmaps per 6-hour bucket (Whang, Vander-Zanden and Taylor,
 * "A linear-time probabilistic counting algorithm for database applications", ACM TODS
 * 1990): a value sets one bit chosen by its hash; the window's bitmaps are OR-ed and n ≈
 * −m·ln(z/m) with z zero bits of m. Within a few percent for n well below m, saturating
 * at about m·ln m (621 callees, 266 regions or cells) — enough for thresholds in the
 * tens.
 *
 * <p>
 * <b>Timing.</b> The gaps between outgoing calls and texts less than an hour apart feed
 * an exponentially weighted mean and variance (weight 0.1; T. Finch, "Incremental
 * calculation of weighted mean and variance", 2009); their coefficient of variation is
 * near 0 for a dialler working at a fixed interval and near 1 for calls at random times.
 */
final class SimActivity {

	static final long NONE = Long.MIN_VALUE;

	/** "No bucket yet" for the int bucket heads. */
	static final int NO_BUCKET = Integer.MIN_VALUE;

	static final int BUCKETS = 4;

	static final long HOUR_BUCKET = 900;

	static final long DAY_BUCKET = 21_600;

	// 1-hour counters, per bucket
	static final int H_CALLS = 0;

	static final int H_SMS = 1;

	private static final int HC = 2;

	// 24-hour counters, per bucket
	static final int D_CALLS = 0;

	static final int D_ANSWERED = 1;

	static final int D_SHORT = 2;

	static final int D_SMS = 3;

	static final int D_CALLBACKS = 4;

	static final int D_IMEI_CHANGES = 5;

	static final int D_TO_CONFIRMED = 6;

	static final int D_FROM_CONFIRMED = 7;

	/** Bit h set: an outgoing call or text in hour h of the day (OR-ed, not summed). */
	static final int D_HOURS = 8;

	private static final int DC = 9;

	// 24-hour sketches, per bucket: callees take two longs (128 bits)
	static final int S_CALLEES = 0;

	static final int S_REGIONS = 2;

	static final int S_CELLS = 3;

	private static final int SC = 4;

	static final int RECENT_CALLERS = 4;

	// ---- the int slab
	private static final int I_HOUR = 0;

	private static final int I_DAY = I_HOUR + BUCKETS * HC;

	private static final int I_CALLERS = I_DAY + BUCKETS * DC;

	private static final int I_CALLERS_NEXT = I_CALLERS + RECENT_CALLERS;

	private static final int I_GAPS = I_CALLERS_NEXT + 1;

	private static final int I_HEAD_HOUR = I_GAPS + 1;

	private static final int I_HEAD_DAY = I_HEAD_HOUR + 1;

	/**
	 * The monitor's ints: measure ordinal, built-in reason bits and the SIM-box mark,
	 * packed.
	 */
	static final int I_MEASURE = I_HEAD_DAY + 1;

	static final int I_LAST_DEVICE = I_MEASURE + 1;

	static final int I_LAST_CELL = I_LAST_DEVICE + 1;

	static final int I_COUNTED_CELL = I_LAST_CELL + 1;

	static final int IS = I_COUNTED_CELL + 1;

	// ---- the long slab
	private static final int L_SKETCH = 0;

	private static final int L_LAST_OUT = L_SKETCH + BUCKETS * SC;

	static final int L_LAST_IMEI = L_LAST_OUT + 1;

	private static final int L_GAP_MEAN = L_LAST_IMEI + 1;

	private static final int L_GAP_VAR = L_GAP_MEAN + 1;

	/** The monitor's longs. */
	static final int L_PHONE = L_GAP_VAR + 1;

	static final int L_ACTIVATION = L_PHONE + 1;

	static final int L_CONFIRMED_AT = L_ACTIVATION + 1;

	static final int L_SINCE = L_CONFIRMED_AT + 1;

	static final int L_DEADLINE = L_SINCE + 1;

	static final int L_LIFTED_AT = L_DEADLINE + 1;

	static final int L_REASONS = L_LIFTED_AT + 1;

	static final int L_COUNTED_DAY = L_REASONS + 1;

	static final int LS = L_COUNTED_DAY + 1;

	/** Gaps of an hour or more end a calling session and are not timed. */
	static final long MAX_GAP = 3_600;

	static final int MIN_GAPS = 8;

	/** Reported when fewer than {@link #MIN_GAPS} gaps were timed. */
	static final double UNKNOWN_CV = 9;

	private static final double ALPHA = 0.1;

	private static final long CST = 8 * 3_600;

	private static final double[] LC64 = linearCounting(64);

	private static final double[] LC128 = linearCounting(128);

	private int capacity;

	private int[] ints = new int[0];

	private long[] longs = new long[0];

	SimActivity(int expectedSims) {
		ensure(Math.max(16, expectedSims));
	}

	void ensure(int sims) {
		if (sims <= capacity) {
			return;
		}
		int n = Math.max(sims, capacity * 2);
		int old = capacity;
		ints = Arrays.copyOf(ints, n * IS);
		longs = Arrays.copyOf(longs, n * LS);
		for (int s = old; s < n; s++) {
			initial(s);
		}
		capacity = n;
	}

	/**
	 * Sets SIM s to a SIM never seen (the slabs of a new SIM start zeroed; the rest is
	 * set here).
	 */
	private void initial(int s) {
		int i = s * IS;
		Arrays.fill(ints, i + I_CALLERS, i + I_CALLERS + RECENT_CALLERS, -1);
		ints[i + I_HEAD_HOUR] = NO_BUCKET;
		ints[i + I_HEAD_DAY] = NO_BUCKET;
		ints[i + I_LAST_DEVICE] = -1;
		ints[i + I_LAST_CELL] = -1;
		ints[i + I_COUNTED_CELL] = -1;
		int l = s * LS;
		longs[l + L_LAST_OUT] = NONE;
		longs[l + L_ACTIVATION] = NONE;
		longs[l + L_CONFIRMED_AT] = NONE;
		longs[l + L_LIFTED_AT] = NONE;
		longs[l + L_COUNTED_DAY] = NONE;
	}

	/**
	 * Forgets SIM s: its slabs as for a SIM never seen (a slot reused for another SIM).
	 */
	void reset(int s) {
		Arrays.fill(ints, s * IS, (s + 1) * IS, 0);
		Arrays.fill(longs, s * LS, (s + 1) * LS, 0);
		initial(s);
	}

	/**
	 * Copies SIM s's slabs into {@code is} ({@link #IS} ints) and {@code ls} ({@link #LS}
	 * longs).
	 */
	void copyOut(int s, int[] is, long[] ls) {
		System.arraycopy(ints, s * IS, is, 0, IS);
		System.arraycopy(longs, s * LS, ls, 0, LS);
	}

	/** Overwrites SIM s's slabs with a copy made by {@link #copyOut}. */
	void copyIn(int s, int[] is, long[] ls) {
		System.arraycopy(is, 0, ints, s * IS, IS);
		System.arraycopy(ls, 0, longs, s * LS, LS);
	}

	private static double[] linearCounting(int m) {
		double[] est = new double[m + 1];
		for (int z = 1; z <= m; z++) {
			est[z] = -m * Math.log(z / (double) m);
		}
		est[0] = m * Math.log(m);
		return est;
	}

	// ------------------------------------------------------------------ the monitor's
	// fields

	int getInt(int s, int field) {
		return ints[s * IS + field];
	}

	void setInt(int s, int field, int value) {
		ints[s * IS + field] = value;
	}

	long getLong(int s, int field) {
		return longs[s * LS + field];
	}

	void setLong(int s, int field, long value) {
		longs[s * LS + field] = value;
	}

	// ------------------------------------------------------------------ updates

	/**
	 * Moves SIM {@code s}'s window to time {@code t} ({@code day}: the 24-hour window,
	 * else the hour) and returns the ring position of t's bucket, or -1 when t is older
	 * than the ring.
	 */
	private int bucket(int s, boolean day, long t) {
		int idx = (int) Math.floorDiv(t, day ? DAY_BUCKET : HOUR_BUCKET);
		int h = s * IS + (day ? I_HEAD_DAY : I_HEAD_HOUR);
		int current = ints[h];
		if (current == NO_BUCKET || idx > current) {
			int from = current == NO_BUCKET ? idx - BUCKETS + 1 : Math.max(current + 1, idx - BUCKETS + 1);
			for (int i = from; i <= idx; i++) {
				int b = i & (BUCKETS - 1);
				if (day) {
					int d = s * IS + I_DAY + b * DC;
					Arrays.fill(ints, d, d + DC, 0);
					int k = s * LS + L_SKETCH + b * SC;
					Arrays.fill(longs, k, k + SC, 0L);
				}
				else {
					int d = s * IS + I_HOUR + b * HC;
					ints[d] = 0;
					ints[d + 1] = 0;
				}
			}
			ints[h] = idx;
		}
		else if (idx <= current - BUCKETS) {
			return -1;
		}
		return idx & (BUCKETS - 1);
	}

	/**
	 * Books an outgoing call or text: counts, hour of day, distinct callee, region and
	 * cell. Returns the day bucket's base.
	 */
	private int out(int s, long t, int hourCounter, int dayCounter, long callee, long region, long cell) {
		int bh = bucket(s, false, t);
		if (bh >= 0) {
			ints[s * IS + I_HOUR + bh * HC + hourCounter]++;
		}
		int bd = bucket(s, true, t);
		if (bd < 0) {
			return -1;
		}
		int base = s * IS + I_DAY + bd * DC;
		ints[base + dayCounter]++;
		ints[base + D_HOURS] |= 1 << (int) (Math.floorMod(t + CST, 86_400) / 3_600);
		int sk = s * LS + L_SKETCH + bd * SC;
		long hc = LongIndex.mix(callee);
		longs[sk + S_CALLEES + (int) (hc >>> 63)] |= 1L << (hc & 63);
		if (region != SimMonitor.UNKNOWN) {
			longs[sk + S_REGIONS] |= 1L << (LongIndex.mix(region) & 63);
		}
		if (cell != SimMonitor.UNKNOWN) {
			longs[sk + S_CELLS] |= 1L << (LongIndex.mix(cell) & 63);
		}
		return base;
	}

	void call(int s, long t, long callee, long calleeRegion, int durationSeconds, boolean answered, long cell,
			long imei) {
		int base = out(s, t, H_CALLS, D_CALLS, callee, calleeRegion, cell);
		if (base >= 0 && answered) {
			ints[base + D_ANSWERED]++;
			if (durationSeconds < SimMonitor.SHORT_CALL_SECONDS) {
				ints[base + D_SHORT]++;
			}
		}
		timing(s, t);
		handset(s, imei, base);
	}

	void sms(int s, long t, long receiver, long receiverRegion, long cell, long imei) {
		int base = out(s, t, H_SMS, D_SMS, receiver, receiverRegion, cell);
		timing(s, t);
		handset(s, imei, base);
	}

	/**
	 * Times the gap since the previous outgoing call or text (gaps of {@link #MAX_GAP} or
	 * more are not timed).
	 */
	private void timing(int s, long t) {
		int l = s * LS;
		long previous = longs[l + L_LAST_OUT];
		if (previous != NONE && t >= previous && t - previous < MAX_GAP) {
			double gap = t - previous;
			int g = s * IS + I_GAPS;
			if (ints[g] == 0) {
				longs[l + L_GAP_MEAN] = Double.doubleToRawLongBits(gap);
				longs[l + L_GAP_VAR] = Double.doubleToRawLongBits(0);
			}
			else {
				double mean = Double.longBitsToDouble(longs[l + L_GAP_MEAN]);
				double var = Double.longBitsToDouble(longs[l + L_GAP_VAR]);
				double diff = gap - mean;
				double incr = ALPHA * diff;
				longs[l + L_GAP_MEAN] = Double.doubleToRawLongBits(mean + incr);
				longs[l + L_GAP_VAR] = Double.doubleToRawLongBits((1 - ALPHA) * (var + diff * incr));
			}
			if (ints[g] < Integer.MAX_VALUE) {
				ints[g]++;
			}
		}
		if (previous == NONE || t > previous) {
			longs[l + L_LAST_OUT] = t;
		}
	}

	private void handset(int s, long imei, int base) {
		if (imei == SimMonitor.UNKNOWN) {
			return;
		}
		int l = s * LS + L_LAST_IMEI;
		if (longs[l] != 0 && longs[l] != imei && base >= 0) {
			ints[base + D_IMEI_CHANGES]++;
		}
		longs[l] = imei;
	}

	/**
	 * Adds one to a 24-hour counter of SIM s at time t (call-backs, contacts with
	 * confirmed numbers).
	 */
	void count(int s, int dayCounter, long t) {
		int bd = bucket(s, true, t);
		if (bd >= 0) {
			ints[s * IS + I_DAY + bd * DC + dayCounter]++;
		}
	}

	/** Whether {@code other} is among the last callers of SIM s. */
	boolean recentlyCalledBy(int s, int other) {
		int base = s * IS + I_CALLERS;
		for (int i = 0; i < RECENT_CALLERS; i++) {
			if (ints[base + i] == other) {
				return true;
			}
		}
		return false;
	}

	void calledBy(int s, int caller) {
		if (recentlyCalledBy(s, caller)) {
			return;
		}
		int n = s * IS + I_CALLERS_NEXT;
		int i = ints[n];
		ints[s * IS + I_CALLERS + i] = caller;
		ints[n] = (i + 1) % RECENT_CALLERS;
	}

	// ------------------------------------------------------------------ reads at an
	// injected time

	/**
	 * The first ring position and the number of buckets of window {@code day} that a read
	 * at {@code now} covers.
	 */
	private long range(int s, boolean day, long now) {
		int current = ints[s * IS + (day ? I_HEAD_DAY : I_HEAD_HOUR)];
		if (current == NO_BUCKET) {
			return 0;
		}
		int q = (int) Math.floorDiv(now, day ? DAY_BUCKET : HOUR_BUCKET);
		int lo = Math.max(current, q) - BUCKETS + 1;
		int hi = Math.min(current, q);
		return hi < lo ? 0 : (long) (lo & (BUCKETS - 1)) << 32 | (hi - lo + 1);
	}

	int hourCount(int s, int counter, long now) {
		long r = range(s, false, now);
		int total = 0;
		for (int k = 0, b = (int) (r >>> 32), n = (int) r; k < n; k++, b = (b + 1) & (BUCKETS - 1)) {
			total += ints[s * IS + I_HOUR + b * HC + counter];
		}
		return total;
	}

	/**
	 * The 24-hour counters summed over the window read at {@code now} into {@code out}
	 * (indexed by the D_ constants; {@link #D_HOURS} OR-ed); the callee, region and cell
	 * estimates into {@code distinct} (S_CALLEES, S_REGIONS, S_CELLS). One pass over the
	 * day buckets.
	 */
	void day(int s, long now, int[] out, double[] distinct) {
		Arrays.fill(out, 0, DC, 0);
		long r = range(s, true, now);
		long c0 = 0;
		long c1 = 0;
		long regions = 0;
		long cells = 0;
		for (int k = 0, b = (int) (r >>> 32), n = (int) r; k < n; k++, b = (b + 1) & (BUCKETS - 1)) {
			int base = s * IS + I_DAY + b * DC;
			for (int c = 0; c < D_HOURS; c++) {
				out[c] += ints[base + c];
			}
			out[D_HOURS] |= ints[base + D_HOURS];
			int sk = s * LS + L_SKETCH + b * SC;
			c0 |= longs[sk + S_CALLEES];
			c1 |= longs[sk + S_CALLEES + 1];
			regions |= longs[sk + S_REGIONS];
			cells |= longs[sk + S_CELLS];
		}
		distinct[S_CALLEES] = LC128[128 - Long.bitCount(c0) - Long.bitCount(c1)];
		distinct[S_REGIONS] = LC64[64 - Long.bitCount(regions)];
		distinct[S_CELLS] = LC64[64 - Long.bitCount(cells)];
	}

	/**
	 * Coefficient of variation of the gaps between outgoing calls and texts, or
	 * {@link #UNKNOWN_CV}.
	 */
	double gapCv(int s) {
		double mean = Double.longBitsToDouble(longs[s * LS + L_GAP_MEAN]);
		if (ints[s * IS + I_GAPS] < MIN_GAPS || mean <= 0) {
			return UNKNOWN_CV;
		}
		return Math.sqrt(Math.max(0, Double.longBitsToDouble(longs[s * LS + L_GAP_VAR]))) / mean;
	}

}
