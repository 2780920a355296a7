package org.fanzha.bench.drools;

import org.kie.api.definition.type.Modifies;

/**
 * An account's profile as a Drools fact: what the rule set reads that is not a windowed
 * count or sum (those come from the engine's {@code window:time} accumulates). The
 * booking rules of transfer-monitor.drl update it with {@code modify}, the way a bank's
 * DRL keeps a customer profile. The definitions follow Fanzha's rule features so the two
 * engines can be compared decision by decision: latest activity, a weighted dwell time
 * between money arriving and leaving, payments received today (Beijing time) from
 * counterparties that are not among the account's last eight, hops from an account
 * confirmed as a fraud account (propagated as money moves, fading after seven days), when
 * the holder was last contacted by a flagged number, and when the monitor last restricted
 * a payment into the account.
 */
public final class Account {

	private static final long NONE = Long.MIN_VALUE;

	private static final long CST = 8 * 3_600;

	private static final int RECENT = 8;

	/** As Fanzha's RiskSignals: proximity is tracked up to three hops, 9 means far. */
	private static final int MAX_HOPS = 3;

	public static final int FAR = 9;

	private static final long TTL = 7 * 86_400;

	private final int id;

	private long lastSeen = NONE;

	private long lastIn = NONE;

	private double dwellSeconds;

	private final int[] recent = { -1, -1, -1, -1, -1, -1, -1, -1 };

	private int recentNext;

	private long newPayersDay = NONE;

	private int newPayers;

	private int hops = FAR;

	private long hopsSince;

	private long flaggedContact = NONE;

	private long monitorFlag = NONE;

	/**
	 * Windowed figures, for the DRL that keeps them on the profile
	 * (transfer-monitor.drl's window rules).
	 */
	private int countIn1h;

	private long sumIn24h;

	private long sumOut24h;

	public Account(int id) {
		this.id = id;
	}

	public int getId() {
		return id;
	}

	/** Days since the latest transfer (0 for an account never seen). */
	public double idleDays(long now) {
		return lastSeen == NONE ? 0 : (now - lastSeen) / 86_400.0;
	}

	/** Typical minutes between money arriving and leaving; very large when unknown. */
	public double getDwellMinutes() {
		return dwellSeconds > 0 ? dwellSeconds / 60 : 1e12;
	}

	/** The Beijing day (days since the epoch) that {@link #getNewPayers} counts. */
	public long getNewPayersDay() {
		return newPayersDay;
	}

	/**
	 * Payments from counterparties not among the last eight, on {@link #getNewPayersDay}.
	 */
	public int getNewPayers() {
		return newPayers;
	}

	public long getLastSeen() {
		return lastSeen;
	}

	/**
	 * Hops from a confirmed account as stored (0 confirmed; 1-3 valid for seven days from
	 * {@link #getHopsSince}).
	 */
	public int getHops() {
		return hops;
	}

	public long getHopsSince() {
		return hopsSince;
	}

	/** Hops from a confirmed account at {@code now}, with the fading applied. */
	public int hopsAt(long now) {
		return hops == 0 || hops == FAR || now - hopsSince <= TTL ? hops : FAR;
	}

	/** When the holder was last contacted by a flagged number (Long.MIN_VALUE: never). */
	public long getFlaggedContact() {
		return flaggedContact;
	}

	/**
	 * When the monitor last restricted or reviewed a payment into the account
	 * (Long.MIN_VALUE: never).
	 */
	public long getMonitorFlag() {
		return monitorFlag;
	}

	/** A victim's report or a freeze confirms the account. */
	@Modifies({ "hops", "hopsSince" })
	public void confirm(long t) {
		hops = 0;
		hopsSince = t;
	}

	@Modifies({ "flaggedContact" })
	public void contactedByFlagged(long t) {
		if (flaggedContact == NONE || t > flaggedContact) {
			flaggedContact = t;
		}
	}

	/**
	 * After the decision on a payment into this account: proximity comes along from the
	 * payer, and the account is flagged if the payment was reviewed or restricted.
	 */
	@Modifies({ "hops", "hopsSince", "monitorFlag" })
	public void afterPayment(int payerHops, boolean restricted, long t) {
		if (payerHops < MAX_HOPS) {
			int current = hopsAt(t);
			if (payerHops + 1 < current || (payerHops + 1 == current && current > 0)) {
				hops = payerHops + 1;
				hopsSince = t;
			}
		}
		if (restricted && (monitorFlag == NONE || t > monitorFlag)) {
			monitorFlag = t;
		}
	}

	public int getCountIn1h() {
		return countIn1h;
	}

	public void setCountIn1h(int n) {
		countIn1h = n;
	}

	public long getSumIn24h() {
		return sumIn24h;
	}

	public void setSumIn24h(long fen) {
		sumIn24h = fen;
	}

	public long getSumOut24h() {
		return sumOut24h;
	}

	public void setSumOut24h(long fen) {
		sumOut24h = fen;
	}

	/** Money left this account at {@code t} (to {@code counterparty}, -1 for cash). */
	@Modifies({ "lastSeen", "dwellMinutes" })
	public void bookOut(int counterparty, long t) {
		seen(t);
		if (lastIn != NONE && t >= lastIn) {
			double d = t - lastIn;
			dwellSeconds = dwellSeconds == 0 ? d : 0.7 * dwellSeconds + 0.3 * d;
		}
		remember(counterparty);
	}

	/** Money arrived at {@code t} from {@code counterparty}. */
	@Modifies({ "lastSeen", "newPayersDay", "newPayers" })
	public void bookIn(int counterparty, long t) {
		seen(t);
		lastIn = Math.max(lastIn, t);
		if (!knows(counterparty)) {
			long day = Math.floorDiv(t + CST, 86_400);
			if (newPayersDay != day) {
				newPayersDay = day;
				newPayers = 0;
			}
			newPayers++;
		}
		remember(counterparty);
	}

	private void seen(long t) {
		if (lastSeen == NONE || t > lastSeen) {
			lastSeen = t;
		}
	}

	private boolean knows(int counterparty) {
		for (int c : recent) {
			if (c == counterparty) {
				return true;
			}
		}
		return false;
	}

	private void remember(int counterparty) {
		if (counterparty < 0 || knows(counterparty)) {
			return;
		}
		recent[recentNext] = counterparty;
		recentNext = (recentNext + 1) % RECENT;
	}

}
