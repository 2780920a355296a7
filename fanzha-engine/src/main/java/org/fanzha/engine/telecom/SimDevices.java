package org.fanzha.engine.telecom;

import java.util.Arrays;

/**
 * The handset (IMEI) view of {@link SimMonitor}: which SIMs have been seen in each
 * handset and how many outgoing calls it made in the last hour. A SIM box (猫池, GOIP, 多卡宝)
 * shows as one IMEI carrying dozens of SIMs, often with sequential numbers bought in one
 * batch, calling all the time; an ordinary handset carries one or two.
 *
 * <p>
 * Handsets are numbered by a {@link LongIndex} over their IMEIs; each holds one 64-byte
 * slab of 16 ints: the last {@link #REMEMBERED} SIM indices seen in it (a ring), a
 * saturating count of distinct SIMs (exact up to {@link #REMEMBERED}; beyond, a SIM not
 * in the ring counts as new, which may count a returning SIM twice — it errs towards
 * suspicion only for handsets that already carry many SIMs, as in {@code SharedDevices}),
 * a 1-hour window of calls in four 15-minute buckets with its head, and the SIM-box mark.
 * A handset identified as a SIM box is marked with the measure the rule asked for, so
 * that every SIM seen in it gets it too. Recording is one probe sequence and a scan of
 * eight ints; nothing is allocated per event. About 100 bytes a handset with its index
 * entry.
 */
final class SimDevices {

	static final int REMEMBERED = 8;

	private static final int SIMS = 0;

	private static final int COUNT = SIMS + REMEMBERED;

	private static final int CALLS = COUNT + 1;

	private static final int HEAD = CALLS + SimActivity.BUCKETS;

	/**
	 * The measure ordinal + 1 that a SIM-box handset's SIMs get; 0 for other handsets.
	 */
	private static final int BOX = HEAD + 1;

	private static final int STRIDE = 16;

	private final LongIndex index;

	private int capacity;

	private int[] slab = new int[0];

	SimDevices(int expectedDevices) {
		index = new LongIndex(expectedDevices);
		ensure(Math.max(16, expectedDevices));
	}

	private void ensure(int devices) {
		if (devices <= capacity) {
			return;
		}
		int n = Math.max(devices, capacity * 2);
		int old = capacity;
		slab = Arrays.copyOf(slab, n * STRIDE);
		for (int d = old; d < n; d++) {
			Arrays.fill(slab, d * STRIDE + SIMS, d * STRIDE + SIMS + REMEMBERED, -1);
			slab[d * STRIDE + HEAD] = SimActivity.NO_BUCKET;
		}
		capacity = n;
	}

	/** The handset index of an IMEI, added when new. */
	int device(long imei) {
		int d = index.getOrAdd(imei);
		ensure(d + 1);
		return d;
	}

	/**
	 * Records that SIM {@code sim} arrived in handset {@code d}; returns the distinct
	 * SIMs seen in it.
	 */
	int record(int d, int sim) {
		final int[] a = slab;
		int base = d * STRIDE;
		for (int i = 0; i < REMEMBERED; i++) {
			if (a[base + i] == sim) {
				return a[base + COUNT];
			}
			if (a[base + i] < 0) {
				a[base + i] = sim;
				return ++a[base + COUNT];
			}
		}
		int count = a[base + COUNT];
		a[base + count % REMEMBERED] = sim;
		return count == Integer.MAX_VALUE ? count : (a[base + COUNT] = count + 1);
	}

	/** Marks handset d as a SIM box whose SIMs get the measure with this ordinal. */
	void markBox(int d, int measure) {
		slab[d * STRIDE + BOX] = measure + 1;
	}

	boolean isBox(int d) {
		return slab[d * STRIDE + BOX] != 0;
	}

	/** The measure ordinal for the SIMs of a SIM-box handset. */
	int boxMeasure(int d) {
		return slab[d * STRIDE + BOX] - 1;
	}

	/**
	 * The SIMs remembered in handset d, into {@code out} (length at least
	 * {@link #REMEMBERED}); returns how many.
	 */
	int sims(int d, int[] out) {
		int n = 0;
		for (int i = d * STRIDE, e = i + REMEMBERED; i < e; i++) {
			if (slab[i] >= 0) {
				out[n++] = slab[i];
			}
		}
		return n;
	}

	int simCount(int d) {
		return slab[d * STRIDE + COUNT];
	}

	/** Books an outgoing call from handset d at time t. */
	void call(int d, long t) {
		final int[] a = slab;
		int base = d * STRIDE;
		int idx = (int) Math.floorDiv(t, SimActivity.HOUR_BUCKET);
		int current = a[base + HEAD];
		if (current == SimActivity.NO_BUCKET || idx > current) {
			int from = current == SimActivity.NO_BUCKET ? idx - SimActivity.BUCKETS + 1
					: Math.max(current + 1, idx - SimActivity.BUCKETS + 1);
			for (int i = from; i <= idx; i++) {
				a[base + CALLS + (i & (SimActivity.BUCKETS - 1))] = 0;
			}
			a[base + HEAD] = idx;
		}
		else if (idx <= current - SimActivity.BUCKETS) {
			return;
		}
		a[base + CALLS + (idx & (SimActivity.BUCKETS - 1))]++;
	}

	/** Outgoing calls from handset d in the hour window read at {@code now}. */
	int calls1h(int d, long now) {
		int base = d * STRIDE;
		int current = slab[base + HEAD];
		if (current == SimActivity.NO_BUCKET) {
			return 0;
		}
		int q = (int) Math.floorDiv(now, SimActivity.HOUR_BUCKET);
		int total = 0;
		for (int i = Math.max(current, q) - SimActivity.BUCKETS + 1; i <= Math.min(current, q); i++) {
			total += slab[base + CALLS + (i & (SimActivity.BUCKETS - 1))];
		}
		return total;
	}

	/**
	 * Other SIMs remembered in handset d whose numbers lie within {@code span} of SIM
	 * {@code sim}'s, and how many of them are confirmed:
	 * {@code sequential | confirmed << 16}. One pass, reading the others' numbers and
	 * confirmations from the SIM table.
	 */
	int others(int d, int sim, long span, SimActivity sims) {
		long phone = sims.getLong(sim, SimActivity.L_PHONE);
		int sequential = 0;
		int confirmed = 0;
		for (int i = d * STRIDE, e = i + REMEMBERED; i < e; i++) {
			int o = slab[i];
			if (o >= 0 && o != sim) {
				if (Math.abs(sims.getLong(o, SimActivity.L_PHONE) - phone) <= span) {
					sequential++;
				}
				if (sims.getLong(o, SimActivity.L_CONFIRMED_AT) != SimActivity.NONE) {
					confirmed++;
				}
			}
		}
		return sequential | confirmed << 16;
	}

}
