package org.fanzha.bench.drools;

import org.fanzha.engine.monitor.Action;

/**
 * The transfer being decided, as a plain fact: the booking rules fill in what must be
 * read before the accounts are updated, the decision rules report their matches.
 * Resolution is Fanzha's: the most severe action of the matching active rules wins, the
 * earlier rule on a tie; shadow rules and rules stopped by the {@link Guard} are only
 * recorded. Rule numbers are the positions in the DRL's rule comments.
 */
public final class Decision extends Payment {

	private final long time;

	private final int hour;

	private final long day;

	/** 0 new, 1 booked (the decision rules run), 2 decided. */
	private int phase;

	private double payeeIdleDays;

	private Action action = Action.ALLOW;

	private long holdSeconds;

	private int actedRule = -1;

	private long matched;

	private long active;

	private final Guard guard;

	public Decision(int from, int to, long amountFen, long epochSecond, Guard guard) {
		super(from, to, amountFen);
		this.guard = guard;
		this.time = epochSecond;
		this.hour = (int) (Math.floorMod(epochSecond + 8 * 3_600, 86_400) / 3_600);
		this.day = Math.floorDiv(epochSecond + 8 * 3_600, 86_400);
	}

	/**
	 * Called by a rule's consequence: rule {@code rule} matched; it acts unless shadow or
	 * stopped by the guard.
	 */
	public void match(int rule, Action a, long hold, boolean shadow) {
		matched |= 1L << rule;
		if (shadow || guard.guarded(rule)) {
			return;
		}
		active |= 1L << rule;
		int c = a.compareTo(action);
		if (actedRule < 0 || c > 0 || (c == 0 && rule < actedRule)) {
			action = a;
			holdSeconds = hold;
			actedRule = rule;
		}
	}

	public long getTime() {
		return time;
	}

	public int getHour() {
		return hour;
	}

	/** The Beijing day of the transfer, in days since the epoch. */
	public long getDay() {
		return day;
	}

	public int getPhase() {
		return phase;
	}

	public void setPhase(int phase) {
		this.phase = phase;
	}

	/**
	 * Accounts seen on the payer's device: no device ids are sent in the benchmark, on
	 * either side.
	 */
	public int getPayerAccountsOnDevice() {
		return 0;
	}

	/** A learned model's score: none is loaded in the benchmark, on either side. */
	public double getModel() {
		return 0;
	}

	/**
	 * Whether the outcome reviews or restricts the payment (the payee is then watched for
	 * seven days).
	 */
	public boolean isRestrictive() {
		return action.compareTo(Action.REVIEW) >= 0;
	}

	public double getPayeeIdleDays() {
		return payeeIdleDays;
	}

	public void setPayeeIdleDays(double days) {
		this.payeeIdleDays = days;
	}

	public Action getAction() {
		return action;
	}

	public long getHoldSeconds() {
		return holdSeconds;
	}

	/** Bit r set: rule r matched and acted (not shadow, not stopped by the guard). */
	public long getActive() {
		return active;
	}

	/**
	 * Bit r set: rule r matched (shadow rules included), as
	 * {@code RuleEngine.Verdict.matched}.
	 */
	public long getMatched() {
		return matched;
	}

}
