package org.fanzha.engine.monitor;

import java.util.Arrays;

/**
 * Per-account streaming state for transfer monitoring: counts and sums of money in and out over four sliding
 * windows (10 minutes, 1 hour, 24 hours, 7 days), money passed through and how long it stayed (快进快出),
 * payments from counterparties the account has not dealt with recently (fan-in), night activity, first and last
 * activity. Accounts are dense int indices (interned upstream), so the state is a handful of primitive arrays.
 *
 * <p>Windows are bucketed: each window of width W is a ring of {@link #BUCKETS} buckets of W/4, so a window read
 * at time t covers between 3W/4 and W of history (the oldest bucket is whole or gone). Updating touches one bucket
 * per window and clears at most four; nothing is allocated per event. Late events are added to their own bucket
 * while it is still in the ring and only to the longer windows once it is not. Reads take the time to read at
 * ("now") from the caller, so the same state answers for any injected clock.
 *
 * <p>Memory: 4 windows × (1 + 4 buckets × 4) longs in one slab (544 bytes) plus 13 scalars ≈ 640 bytes an account.
 */
public final class AccountFeatures {

	/** Window widths in seconds. */
	public static final long[] WINDOWS = { 600, 3_600, 86_400, 7 * 86_400 };

	public static final int W10M = 0;

	public static final int W1H = 1;

	public static final int W24H = 2;

	public static final int W7D = 3;

	static final int BUCKETS = 4;

	private static final int NW = WINDOWS.length;

	/** Recent counterparties remembered per account, for "new counterparty" fan-in. */
	static final int RECENT = 8;

	private static final long NONE = Long.MIN_VALUE;

	/** China Standard Time offset: days and night hours are Beijing's. */
	private static final long CST = 8 * 3_600;

	private int capacity;

	/**
	 * The windows of all accounts in one slab: per account, per window, the newest bucket's index then four buckets
	 * of (count in, count out, sum in, sum out). A booking touches the head and one bucket that sit together, two
	 * cache lines instead of five arrays' worth.
	 */
	private long[] slab = new long[0];

	private static final int VALUES = 4;

	private static final int WINDOW_STRIDE = 1 + BUCKETS * VALUES;

	private static final int STRIDE = NW * WINDOW_STRIDE;

	private static final int C_IN = 0;

	private static final int C_OUT = 1;

	private static final int S_IN = 2;

	private static final int S_OUT = 3;

	private long[] firstSeen = new long[0];

	private long[] lastSeen = new long[0];

	private long[] lastIn = new long[0];

	/** Exponentially weighted dwell time (seconds) between money arriving and leaving. */
	private double[] dwell = new double[0];

	private int[] newCounterparties24h = new int[0];

	private long[] newCounterpartiesDay = new long[0];

	private int[] nightTransfers = new int[0];

	private int[] recent = new int[0];

	private byte[] recentNext = new byte[0];

	public AccountFeatures(int expectedAccounts) {
		ensure(Math.max(16, expectedAccounts));
	}

	private void ensure(int accounts) {
		if (accounts <= capacity) {
			return;
		}
		int n = Math.max(accounts, capacity * 2);
		int oldSlab = slab.length;
		slab = Arrays.copyOf(slab, n * STRIDE);
		for (int i = oldSlab; i < slab.length; i += WINDOW_STRIDE) {
			slab[i] = NONE; // each window's head
		}
		firstSeen = grow(firstSeen, n, NONE);
		lastSeen = grow(lastSeen, n, NONE);
		lastIn = grow(lastIn, n, NONE);
		dwell = Arrays.copyOf(dwell, n);
		newCounterparties24h = Arrays.copyOf(newCounterparties24h, n);
		newCounterpartiesDay = grow(newCounterpartiesDay, n, NONE);
		nightTransfers = Arrays.copyOf(nightTransfers, n);
		int old = recent.length;
		recent = Arrays.copyOf(recent, n * RECENT);
		Arrays.fill(recent, old, recent.length, -1);
		recentNext = Arrays.copyOf(recentNext, n);
		capacity = n;
	}

	private static long[] grow(long[] a, int n, long fill) {
		int old = a.length;
		long[] b = Arrays.copyOf(a, n);
		Arrays.fill(b, old, n, fill);
		return b;
	}

	/**
	 * Books a transfer on both accounts ({@code to} may be -1 for cash). Events may arrive a little out of
	 * order; those older than a window's ring count only in the longer windows.
	 */
	public void record(int from, int to, long amountFen, long epochSecond) {
		ensure(Math.max(from, to) + 1);
		book(from, amountFen, epochSecond, false, to);
		if (to >= 0) {
			book(to, amountFen, epochSecond, true, from);
		}
	}

	/** Bucket width of window {@code w}; a switch rather than an array so that it folds to a constant once inlined. */
	private static long width(int w) {
		return switch (w) {
			case W10M -> 600 / BUCKETS;
			case W1H -> 3_600 / BUCKETS;
			case W24H -> 86_400 / BUCKETS;
			default -> 7 * 86_400 / BUCKETS;
		};
	}

	private void book(int a, long amount, long t, boolean in, int counterparty) {
		// unrolled so that each window's bucket width is a constant (division becomes a multiplication)
		bookWindow(a, W10M, amount, t, in);
		bookWindow(a, W1H, amount, t, in);
		bookWindow(a, W24H, amount, t, in);
		bookWindow(a, W7D, amount, t, in);
		bookScalars(a, t, in, counterparty);
	}

	private void bookWindow(int a, int w, long amount, long t, boolean in) {
		final long[] m = slab;
		long idx = Math.floorDiv(t, width(w));
		int h = a * STRIDE + w * WINDOW_STRIDE;
		long current = m[h];
		if (current == NONE || idx > current) {
			// move the ring forward, clearing buckets that fall out
			long clearFrom = current == NONE ? idx - BUCKETS + 1 : Math.max(current + 1, idx - BUCKETS + 1);
			for (long i = clearFrom; i <= idx; i++) {
				int b = h + 1 + (int) Math.floorMod(i, BUCKETS) * VALUES;
				m[b + C_IN] = 0;
				m[b + C_OUT] = 0;
				m[b + S_IN] = 0;
				m[b + S_OUT] = 0;
			}
			m[h] = idx;
		}
		else if (idx <= current - BUCKETS) {
			return; // too late for this window
		}
		int b = h + 1 + (int) Math.floorMod(idx, BUCKETS) * VALUES;
		if (in) {
			m[b + C_IN]++;
			m[b + S_IN] += amount;
		}
		else {
			m[b + C_OUT]++;
			m[b + S_OUT] += amount;
		}
	}

	private void bookScalars(int a, long t, boolean in, int counterparty) {
		if (firstSeen[a] == NONE || t < firstSeen[a]) {
			firstSeen[a] = t;
		}
		long previous = lastSeen[a];
		if (previous == NONE || t > previous) {
			lastSeen[a] = t;
		}
		if (in) {
			lastIn[a] = Math.max(lastIn[a], t);
			if (counterparty >= 0 && !recentlySeen(a, counterparty)) {
				long day = Math.floorDiv(t + CST, 86_400);
				if (newCounterpartiesDay[a] != day) {
					newCounterpartiesDay[a] = day;
					newCounterparties24h[a] = 0;
				}
				newCounterparties24h[a]++;
			}
		}
		else if (lastIn[a] != NONE && t >= lastIn[a]) {
			double d = t - lastIn[a];
			dwell[a] = dwell[a] == 0 ? d : 0.7 * dwell[a] + 0.3 * d;
		}
		if (counterparty >= 0) {
			remember(a, counterparty);
		}
		long hourOfDay = Math.floorMod(t + CST, 86_400) / 3_600;
		if (hourOfDay < 6) {
			nightTransfers[a]++;
		}
	}

	private boolean recentlySeen(int a, int counterparty) {
		int base = a * RECENT;
		for (int i = 0; i < RECENT; i++) {
			if (recent[base + i] == counterparty) {
				return true;
			}
		}
		return false;
	}

	private void remember(int a, int counterparty) {
		if (recentlySeen(a, counterparty)) {
			return;
		}
		int i = recentNext[a];
		recent[a * RECENT + i] = counterparty;
		recentNext[a] = (byte) ((i + 1) % RECENT);
	}

	// ------------------------------------------------------------------ reads at an injected time

	public int countIn(int a, int window, long now) {
		return (int) read(C_IN, a, window, now);
	}

	public int countOut(int a, int window, long now) {
		return (int) read(C_OUT, a, window, now);
	}

	public long sumIn(int a, int window, long now) {
		return read(S_IN, a, window, now);
	}

	public long sumOut(int a, int window, long now) {
		return read(S_OUT, a, window, now);
	}

	private long read(int value, int a, int w, long now) {
		if (a >= capacity) {
			return 0;
		}
		final long[] m = slab;
		int h = a * STRIDE + w * WINDOW_STRIDE;
		long current = m[h];
		if (current == NONE) {
			return 0;
		}
		long q = Math.floorDiv(now, width(w));
		long total = 0;
		for (long i = Math.max(current - BUCKETS + 1, q - BUCKETS + 1); i <= Math.min(current, q); i++) {
			total += m[h + 1 + (int) Math.floorMod(i, BUCKETS) * VALUES + value];
		}
		return total;
	}

	/** Share of the money that came in over the window that has gone out again (0 when nothing came in). */
	public double passThrough(int a, int window, long now) {
		return passThrough(a, window, now, sumIn(a, window, now));
	}

	/** As {@link #passThrough(int, int, long)} when the caller has already read {@code sumIn} for the window. */
	public double passThrough(int a, int window, long now, long sumIn) {
		return sumIn == 0 ? 0 : Math.min(1.0, sumOut(a, window, now) / (double) sumIn);
	}

	/** Typical seconds between money arriving and leaving (weighted towards recent), or -1 when unknown. */
	public double dwellSeconds(int a) {
		return a < capacity && dwell[a] > 0 ? dwell[a] : -1;
	}

	/** Payments received today (China Standard Time) from counterparties not among the account's last eight. */
	public int newCounterpartiesToday(int a, long now) {
		return a < capacity && newCounterpartiesDay[a] == Math.floorDiv(now + CST, 86_400) ? newCounterparties24h[a] : 0;
	}

	/** Transfers made between 00:00 and 06:00 China Standard Time, ever. */
	public int nightTransfers(int a) {
		return a < capacity ? nightTransfers[a] : 0;
	}

	/** Seconds since the account was first seen, or -1. */
	public long ageSeconds(int a, long now) {
		return a < capacity && firstSeen[a] != NONE ? now - firstSeen[a] : -1;
	}

	/** Seconds since the account's latest transfer, or -1 if never seen (dormant accounts that wake up are a signal). */
	public long idleSeconds(int a, long now) {
		return a < capacity && lastSeen[a] != NONE ? now - lastSeen[a] : -1;
	}
}
