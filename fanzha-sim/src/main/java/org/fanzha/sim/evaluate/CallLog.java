package org.fanzha.sim.evaluate;

import java.util.Arrays;

/**
 * Call and text records as rows of six longs in one array (time, from, to, handset, the
 * region of {@code to}'s number, and the duration, cell and kind packed), so that a
 * simulated world's telecom traffic can be held, put in time order and replayed without
 * an object per record: the hour held back by {@link TelecomEvaluation}, the whole world
 * recorded for the SIM-monitor benchmark.
 */
public final class CallLog {

	private static final int ROW = 6;

	/** Duration of an unanswered call. */
	private static final int UNANSWERED = -1;

	/** Duration that marks a text message. */
	private static final int TEXT = -2;

	private long[] rows = new long[ROW * 1_024];

	private long[] spare = new long[0];

	private long[] keys = new long[0];

	private int n;

	public int size() {
		return n;
	}

	public void clear() {
		n = 0;
	}

	private int add(long time, long from, long to, long imei, long toRegion, int duration, int cell) {
		if ((n + 1) * ROW > rows.length) {
			rows = Arrays.copyOf(rows, rows.length * 2);
		}
		int r = n * ROW;
		rows[r] = time;
		rows[r + 1] = from;
		rows[r + 2] = to;
		rows[r + 3] = imei;
		rows[r + 4] = toRegion;
		rows[r + 5] = (long) cell << 32 | duration & 0xffff_ffffL;
		return n++;
	}

	/** A call; {@code durationSeconds} is ignored when not answered. */
	public int call(long time, long caller, long callee, int durationSeconds, boolean answered, int cell, long imei,
			long calleeRegion) {
		return add(time, caller, callee, imei, calleeRegion, answered ? Math.max(0, durationSeconds) : UNANSWERED,
				cell);
	}

	public int text(long time, long sender, long receiver, int cell, long imei, long receiverRegion) {
		return add(time, sender, receiver, imei, receiverRegion, TEXT, cell);
	}

	public long time(int i) {
		return rows[i * ROW];
	}

	public long from(int i) {
		return rows[i * ROW + 1];
	}

	public long to(int i) {
		return rows[i * ROW + 2];
	}

	public long imei(int i) {
		return rows[i * ROW + 3];
	}

	public long toRegion(int i) {
		return rows[i * ROW + 4];
	}

	private int packedDuration(int i) {
		return (int) rows[i * ROW + 5];
	}

	/** Seconds of an answered call, 0 otherwise. */
	public int duration(int i) {
		return Math.max(0, packedDuration(i));
	}

	public boolean answered(int i) {
		return packedDuration(i) >= 0;
	}

	public boolean isText(int i) {
		return packedDuration(i) == TEXT;
	}

	public int cell(int i) {
		return (int) (rows[i * ROW + 5] >> 32);
	}

	/**
	 * Puts the rows in time order (rows of the same second keep their order), in place.
	 */
	public void sortByTime() {
		if (n < 2) {
			return;
		}
		long base = rows[0];
		for (int i = 1; i < n; i++) {
			base = Math.min(base, rows[i * ROW]);
		}
		if (keys.length < n) {
			keys = new long[rows.length / ROW];
		}
		for (int i = 0; i < n; i++) {
			long offset = rows[i * ROW] - base;
			if (offset >= 1L << 31) {
				throw new IllegalStateException("records more than 68 years apart cannot be sorted together");
			}
			keys[i] = offset << 32 | i;
		}
		Arrays.sort(keys, 0, n);
		if (spare.length < rows.length) {
			spare = new long[rows.length];
		}
		for (int k = 0; k < n; k++) {
			System.arraycopy(rows, (int) keys[k] * ROW, spare, k * ROW, ROW);
		}
		long[] sorted = spare;
		spare = rows;
		rows = sorted;
	}

}
