package org.fanzha.bench.drools;

/**
 * Who pays whom how much: what a {@link Transfer} event and a {@link Decision} fact have
 * in common.
 */
public abstract class Payment {

	private final int from;

	private final int to;

	private final long amount;

	Payment(int from, int to, long amountFen) {
		this.from = from;
		this.to = to;
		this.amount = amountFen;
	}

	public int getFrom() {
		return from;
	}

	/** The payee, -1 for cash leaving the banking system. */
	public int getTo() {
		return to;
	}

	public long getAmount() {
		return amount;
	}

}
