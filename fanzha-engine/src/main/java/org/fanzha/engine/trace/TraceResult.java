package org.fanzha.engine.trace;

import java.util.List;

/**
 * The outcome of a trace as of a time.
 *
 * @param flows every transfer that carried traced money, in time order
 * @param holdings traced money still in each account at the as-of time (accounts holding
 * none are left out)
 * @param exits traced money that left the traced scope: cash-out, accounts outside the
 * data, limits
 */
public record TraceResult(Policy policy, long asOf, int victims, List<Flow> flows, List<Holding> holdings,
		List<Exit> exits) {

	/**
	 * @param level 1 for a victim's payment, n for money n transfers away from the victim
	 * @param perVictim traced fen per victim
	 */
	public record Flow(int transfer, int from, int to, long time, long amount, long traced, long[] perVictim,
			int level) {
	}

	/**
	 * @param lastTaintedTransfer the latest transfer that brought traced money in (the
	 * bank checks its time)
	 */
	public record Holding(int account, long amount, long[] perVictim, int level, int lastTaintedTransfer) {
	}

	public enum ExitKind {

		/**
		 * Cash withdrawn or paid to a crypto OTC desk: the money left the banking system.
		 */
		CASH_OUT,
		/**
		 * Paid to an account that is not in the data (another bank's customer we cannot
		 * see).
		 */
		OUTSIDE_DATA,
		/** Beyond the hop limit or below the minimum amount: not followed further. */
		LIMIT

	}

	public record Exit(int transfer, int account, String channel, long amount, long[] perVictim, ExitKind kind) {
	}

	public long totalHeld() {
		return holdings.stream().mapToLong(Holding::amount).sum();
	}

	public long totalExited() {
		return exits.stream().mapToLong(Exit::amount).sum();
	}
}
