package org.fanzha.engine.monitor;

import java.util.Arrays;

/**
 * Risk that comes from outside the account's own transfers: how close it is, in the
 * transfer graph, to an account already confirmed as a fraud account (reported by a
 * victim, frozen), and whether its holder was recently contacted by a number flagged as
 * fraud (the payer-side signal: a potential victim about to pay).
 *
 * <p>
 * Proximity is propagated forward as money moves, not searched: a confirmed account has
 * distance 0; a transfer from an account at distance d (d &lt; {@link #MAX_HOPS}) gives
 * the payee distance d+1 unless it is already as close. The monitor's own flags (it
 * reviewed, delayed or froze a payment into the account) are kept beside them, so that an
 * account under review is watched on the way out too. A distance learned from money flow
 * fades after {@link #PROXIMITY_TTL} seconds (a legitimate shop paid once by a mule must
 * not stay suspect); confirmation does not fade until {@link #lift lifted}. This is the
 * breadth-first "hops from a known bad node" signal of graph-based AML scoring,
 * maintained incrementally: O(1) per transfer, one byte and one long per account, no
 * allocation.
 */
public final class RiskSignals {

	public static final int MAX_HOPS = 3;

	/**
	 * Reported by {@link #hops} when the account is not within {@link #MAX_HOPS} of a
	 * confirmed account.
	 */
	public static final int FAR = 9;

	public static final long PROXIMITY_TTL = 7 * 86_400;

	private static final long NONE = Long.MIN_VALUE;

	private int capacity;

	private byte[] hops = new byte[0];

	private long[] hopsSince = new long[0];

	private long[] flaggedContact = new long[0];

	private long[] monitorFlag = new long[0];

	public RiskSignals(int expectedAccounts) {
		ensure(Math.max(16, expectedAccounts));
	}

	private void ensure(int accounts) {
		if (accounts <= capacity) {
			return;
		}
		int n = Math.max(accounts, capacity * 2);
		int old = capacity;
		hops = Arrays.copyOf(hops, n);
		Arrays.fill(hops, old, n, (byte) FAR);
		hopsSince = Arrays.copyOf(hopsSince, n);
		flaggedContact = Arrays.copyOf(flaggedContact, n);
		Arrays.fill(flaggedContact, old, n, NONE);
		monitorFlag = Arrays.copyOf(monitorFlag, n);
		Arrays.fill(monitorFlag, old, n, NONE);
		capacity = n;
	}

	/** Longs one account's signals take in {@link #copyOut}/{@link #copyIn}. */
	public static final int ACCOUNT_LONGS = 4;

	/**
	 * Copies account {@code a}'s signals into {@code dst} from {@code offset}, as
	 * AccountFeatures#copyOut does.
	 */
	public void copyOut(int a, long[] dst, int offset) {
		ensure(a + 1);
		dst[offset] = hops[a];
		dst[offset + 1] = hopsSince[a];
		dst[offset + 2] = flaggedContact[a];
		dst[offset + 3] = monitorFlag[a];
	}

	/** Replaces account {@code a}'s signals with what {@link #copyOut} wrote. */
	public void copyIn(int a, long[] src, int offset) {
		ensure(a + 1);
		hops[a] = (byte) src[offset];
		hopsSince[a] = src[offset + 1];
		flaggedContact[a] = src[offset + 2];
		monitorFlag[a] = src[offset + 3];
	}

	/**
	 * The account is confirmed as used for fraud (a victim's report names it, or it is
	 * frozen).
	 */
	public void confirm(int account, long epochSecond) {
		ensure(account + 1);
		hops[account] = 0;
		hopsSince[account] = epochSecond;
	}

	/**
	 * A verified appeal or a mistaken report: the account is no longer treated as
	 * confirmed.
	 */
	public void lift(int account) {
		if (account < capacity) {
			hops[account] = FAR;
			flaggedContact[account] = NONE;
			monitorFlag[account] = NONE;
		}
	}

	/**
	 * The holder of the account was called or texted by a flagged number at this time.
	 */
	public void contactedByFlagged(int account, long epochSecond) {
		ensure(account + 1);
		if (flaggedContact[account] == NONE || epochSecond > flaggedContact[account]) {
			flaggedContact[account] = epochSecond;
		}
	}

	/**
	 * Books a transfer: money from a confirmed or nearby account brings its payee closer.
	 */
	public void onTransfer(int from, int to, long epochSecond) {
		if (to < 0) {
			return;
		}
		ensure(Math.max(from, to) + 1);
		int d = hops(from, epochSecond);
		if (d >= MAX_HOPS) {
			return;
		}
		int current = hops(to, epochSecond);
		if (d + 1 < current || (d + 1 == current && current > 0)) {
			hops[to] = (byte) (d + 1);
			hopsSince[to] = epochSecond;
		}
	}

	/**
	 * Hops from the nearest confirmed account (0 = confirmed itself), or {@link #FAR}.
	 */
	public int hops(int account, long now) {
		if (account < 0 || account >= capacity) {
			return FAR;
		}
		int h = hops[account];
		if (h == 0 || h == FAR) {
			return h;
		}
		return now - hopsSince[account] <= PROXIMITY_TTL ? h : FAR;
	}

	/** The monitor itself reviewed, delayed or froze a payment into the account. */
	public void flagged(int account, long epochSecond) {
		ensure(account + 1);
		if (monitorFlag[account] == NONE || epochSecond > monitorFlag[account]) {
			monitorFlag[account] = epochSecond;
		}
	}

	/**
	 * Whether the monitor acted on a payment into the account within the last
	 * {@link #PROXIMITY_TTL} seconds.
	 */
	public boolean flaggedRecently(int account, long now) {
		return account >= 0 && account < capacity && monitorFlag[account] != NONE
				&& now - monitorFlag[account] <= PROXIMITY_TTL;
	}

	/**
	 * Minutes since the holder was last contacted by a flagged number, or -1 if never.
	 */
	public double minutesSinceFlaggedContact(int account, long now) {
		if (account < 0 || account >= capacity || flaggedContact[account] == NONE) {
			return -1;
		}
		return Math.max(0, now - flaggedContact[account]) / 60.0;
	}

}
