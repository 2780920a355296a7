package org.fanzha.engine.monitor;

import java.util.Arrays;

/**
 * Per-account streaming state for transfer monitoring: counts and sums of money in and
 * out over four sliding windows (10 minutes, 1 hour, 24 hours, 7 days), money passed
 * through and how long it stayed (快进快出), payments from counterparties the account has not
 * dealt with recently (fan-in), night activity, first and last activity. Accounts are
 * dense int indices (interned upstream), so the state is a handful of primitive arrays.
 *
 * <p>
 * Windows are bucketed: each window of width W is a ring of {@link #BUCKETS} buckets of
 * W/4, so a window read at time t covers between 3W/4 and W of history (the oldest bucket
 * is whole or gone). Updating touches one bucket per window and clears at most four;
 * nothing is allocated per event. Late events are added to their own bucket while it is
 * still in the ring and only to the longer windows once it is not. Reads take the time to
 * read at ("now") from the caller, so the same state answers for any injected clock.
 *
 * <p>
 * Layout: everything an account has lives in one slab of longs, 80 per account (640
 * bytes, ten cache lines), arranged so that a transfer touches as few lines as possible:
 * the first line holds the four windows' heads and the scalars read on every decision
 * (first, last and last-in times, dwell), the second the fan-in day counter, night count
 * and the eight recent counterparties (two ints per long), then four buckets of four
 * values (counts and sums in and out, 32 bytes: half a line) per window. A booking on an
 * account touches at most six lines (two header lines, one bucket per window). The
 * earlier layout — one slab for the windows and nine parallel arrays for the scalars —
 * touched up to seventeen; on 300 k accounts, where nearly every touch misses the cache,
 * the profile (JFR, docs/benchmarks.md) had 65 % of decision time in booking, mostly
 * waiting on those misses. Account bases are 640-byte multiples offset by {@link #PAD},
 * so in a cache-line aligned array (a large one is: it sits at the start of a heap region
 * after a 16-byte header) each account starts on a line.
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

	// per-account offsets in the slab: the first line
	private static final int HEAD = 0; // four windows' newest bucket index

	private static final int FIRST_SEEN = 4;

	private static final int LAST_SEEN = 5;

	private static final int LAST_IN = 6;

	/**
	 * Exponentially weighted dwell time (seconds) between money arriving and leaving, as
	 * double bits.
	 */
	private static final int DWELL = 7;

	// the second line
	private static final int NEW_DAY = 8;

	private static final int NEW_COUNT = 9;

	private static final int NIGHT = 10;

	private static final int RECENT_NEXT = 11;

	private static final int RECENT_AT = 12; // eight ints in four longs

	// the buckets: per window, four buckets of (count in, count out, sum in, sum out)
	private static final int BUCKETS_AT = 16;

	private static final int VALUES = 4;

	private static final int WINDOW_STRIDE = BUCKETS * VALUES;

	private static final int STRIDE = BUCKETS_AT + NW * WINDOW_STRIDE;

	/** Longs before the first account: 16 header bytes + 48 = one 64-byte line. */
	private static final int PAD = 6;

	private static final int C_IN = 0;

	private static final int C_OUT = 1;

	private static final int S_IN = 2;

	private static final int S_OUT = 3;

	private int capacity;

	private long[] slab = new long[PAD];

	public AccountFeatures(int expectedAccounts) {
		ensure(Math.max(16, expectedAccounts));
	}

	private void ensure(int accounts) {
		if (accounts <= capacity) {
			return;
		}
		int n = Math.max(accounts, capacity * 2);
		long[] m = Arrays.copyOf(slab, PAD + n * STRIDE);
		for (int a = capacity; a < n; a++) {
			int base = PAD + a * STRIDE;
			Arrays.fill(m, base + HEAD, base + HEAD + NW, NONE);
			m[base + FIRST_SEEN] = NONE;
			m[base + LAST_SEEN] = NONE;
			m[base + LAST_IN] = NONE;
			m[base + NEW_DAY] = NONE;
			Arrays.fill(m, base + RECENT_AT, base + RECENT_AT + RECENT / 2, -1L); // no
																					// counterparty
																					// (-1
																					// in
																					// both
																					// halves)
		}
		slab = m;
		capacity = n;
	}

	private static int base(int a) {
		return PAD + a * STRIDE;
	}

	/** Longs one account's state takes in {@link #copyOut}/{@link #copyIn}. */
	public static final int ACCOUNT_LONGS = STRIDE;

	/**
	 * Copies account {@code a}'s whole state into {@code dst} from {@code offset}
	 * ({@link #ACCOUNT_LONGS} longs), so that a caller holding per-account state
	 * elsewhere (a stream processor's keyed state) can load it into a one-account
	 * instance with {@link #copyIn}, book and read with the methods below, and store it
	 * back.
	 */
	public void copyOut(int a, long[] dst, int offset) {
		ensure(a + 1);
		System.arraycopy(slab, base(a), dst, offset, STRIDE);
	}

	/** Replaces account {@code a}'s state with what {@link #copyOut} wrote. */
	public void copyIn(int a, long[] src, int offset) {
		ensure(a + 1);
		System.arraycopy(src, offset, slab, base(a), STRIDE);
	}

	/**
	 * Books one side of a transfer on account {@code a} only: {@code in} for the payee,
	 * otherwise the payer; {@code counterparty} is the other account's int identity (-1:
	 * cash), compared for "new counterparty" only, so it need not be an index of this
	 * instance. {@link #record} is both sides in one call (payer first).
	 */
	public void recordSide(int a, boolean in, int counterparty, long amountFen, long epochSecond) {
		ensure(a + 1);
		book(a, amountFen, epochSecond, in, counterparty);
	}

	/**
	 * Books a transfer on both accounts ({@code to} may be -1 for cash). Events may
	 * arrive a little out of order; those older than a window's ring count only in the
	 * longer windows.
	 */
	public void record(int from, int to, long amountFen, long epochSecond) {
		ensure(Math.max(from, to) + 1);
		book(from, amountFen, epochSecond, false, to);
		if (to >= 0) {
			book(to, amountFen, epochSecond, true, from);
		}
	}

	/**
	 * Bucket width of window {@code w}; a switch rather than an array so that it folds to
	 * a constant once inlined.
	 */
	private static long width(int w) {
		return switch (w) {
			case W10M -> 600 / BUCKETS;
			case W1H -> 3_600 / BUCKETS;
			case W24H -> 86_400 / BUCKETS;
			default -> 7 * 86_400 / BUCKETS;
		};
	}

	private void book(int a, long amount, long t, boolean in, int counterparty) {
		final long[] m = slab;
		final int base = base(a);
		// unrolled so that each window's bucket width is a constant (division becomes a
		// multiplication)
		bookWindow(m, base, W10M, amount, t, in);
		bookWindow(m, base, W1H, amount, t, in);
		bookWindow(m, base, W24H, amount, t, in);
		bookWindow(m, base, W7D, amount, t, in);
		bookScalars(m, base, t, in, counterparty);
	}

	private static void bookWindow(long[] m, int base, int w, long amount, long t, boolean in) {
		long idx = Math.floorDiv(t, width(w));
		int h = base + HEAD + w;
		int buckets = base + BUCKETS_AT + w * WINDOW_STRIDE;
		long current = m[h];
		if (current == NONE || idx > current) {
			// move the ring forward, clearing buckets that fall out
			long clearFrom = current == NONE ? idx - BUCKETS + 1 : Math.max(current + 1, idx - BUCKETS + 1);
			for (long i = clearFrom; i <= idx; i++) {
				int b = buckets + (int) (i & (BUCKETS - 1)) * VALUES;
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
		int b = buckets + (int) (idx & (BUCKETS - 1)) * VALUES;
		if (in) {
			m[b + C_IN]++;
			m[b + S_IN] += amount;
		}
		else {
			m[b + C_OUT]++;
			m[b + S_OUT] += amount;
		}
	}

	private static void bookScalars(long[] m, int base, long t, boolean in, int counterparty) {
		long first = m[base + FIRST_SEEN];
		if (first == NONE || t < first) {
			m[base + FIRST_SEEN] = t;
		}
		long previous = m[base + LAST_SEEN];
		if (previous == NONE || t > previous) {
			m[base + LAST_SEEN] = t;
		}
		boolean seen = counterparty >= 0 && recentlySeen(m, base, counterparty);
		if (in) {
			m[base + LAST_IN] = Math.max(m[base + LAST_IN], t);
			if (counterparty >= 0 && !seen) {
				long day = Math.floorDiv(t + CST, 86_400);
				if (m[base + NEW_DAY] != day) {
					m[base + NEW_DAY] = day;
					m[base + NEW_COUNT] = 0;
				}
				m[base + NEW_COUNT]++;
			}
		}
		else {
			long lastIn = m[base + LAST_IN];
			if (lastIn != NONE && t >= lastIn) {
				double d = t - lastIn;
				double dwell = Double.longBitsToDouble(m[base + DWELL]);
				m[base + DWELL] = Double.doubleToRawLongBits(dwell == 0 ? d : 0.7 * dwell + 0.3 * d);
			}
		}
		if (counterparty >= 0 && !seen) {
			int i = (int) m[base + RECENT_NEXT];
			setRecent(m, base, i, counterparty);
			m[base + RECENT_NEXT] = (i + 1) & (RECENT - 1);
		}
		long hourOfDay = Math.floorMod(t + CST, 86_400) / 3_600;
		if (hourOfDay < 6) {
			m[base + NIGHT]++;
		}
	}

	private static int recentAt(long[] m, int base, int i) {
		return (int) (m[base + RECENT_AT + (i >>> 1)] >> ((i & 1) << 5));
	}

	private static void setRecent(long[] m, int base, int i, int counterparty) {
		int at = base + RECENT_AT + (i >>> 1);
		int shift = (i & 1) << 5;
		m[at] = (m[at] & ~(0xFFFF_FFFFL << shift)) | ((counterparty & 0xFFFF_FFFFL) << shift);
	}

	private static boolean recentlySeen(long[] m, int base, int counterparty) {
		for (int i = 0; i < RECENT; i++) {
			if (recentAt(m, base, i) == counterparty) {
				return true;
			}
		}
		return false;
	}

	// ------------------------------------------------------------------ reads at an
	// injected time

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
		final int base = base(a);
		long current = m[base + HEAD + w];
		if (current == NONE) {
			return 0;
		}
		int buckets = base + BUCKETS_AT + w * WINDOW_STRIDE + value;
		long q = Math.floorDiv(now, width(w));
		long total = 0;
		for (long i = Math.max(current - BUCKETS + 1, q - BUCKETS + 1); i <= Math.min(current, q); i++) {
			total += m[buckets + (int) (i & (BUCKETS - 1)) * VALUES];
		}
		return total;
	}

	/**
	 * Share of the money that came in over the window that has gone out again (0 when
	 * nothing came in).
	 */
	public double passThrough(int a, int window, long now) {
		return passThrough(a, window, now, sumIn(a, window, now));
	}

	/**
	 * As {@link #passThrough(int, int, long)} when the caller has already read
	 * {@code sumIn} for the window.
	 */
	public double passThrough(int a, int window, long now, long sumIn) {
		return sumIn == 0 ? 0 : Math.min(1.0, sumOut(a, window, now) / (double) sumIn);
	}

	/**
	 * Typical seconds between money arriving and leaving (weighted towards recent), or -1
	 * when unknown.
	 */
	public double dwellSeconds(int a) {
		if (a >= capacity) {
			return -1;
		}
		double d = Double.longBitsToDouble(slab[base(a) + DWELL]);
		return d > 0 ? d : -1;
	}

	/**
	 * Payments received today (China Standard Time) from counterparties not among the
	 * account's last eight.
	 */
	public int newCounterpartiesToday(int a, long now) {
		return a < capacity && slab[base(a) + NEW_DAY] == Math.floorDiv(now + CST, 86_400)
				? (int) slab[base(a) + NEW_COUNT] : 0;
	}

	/** Transfers made between 00:00 and 06:00 China Standard Time, ever. */
	public int nightTransfers(int a) {
		return a < capacity ? (int) slab[base(a) + NIGHT] : 0;
	}

	/** Seconds since the account was first seen, or -1. */
	public long ageSeconds(int a, long now) {
		return a < capacity && slab[base(a) + FIRST_SEEN] != NONE ? now - slab[base(a) + FIRST_SEEN] : -1;
	}

	/**
	 * Seconds since the account's latest transfer, or -1 if never seen (dormant accounts
	 * that wake up are a signal).
	 */
	public long idleSeconds(int a, long now) {
		return a < capacity && slab[base(a) + LAST_SEEN] != NONE ? now - slab[base(a) + LAST_SEEN] : -1;
	}

}
