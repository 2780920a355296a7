package org.fanzha.engine.returns;

import java.util.List;

import org.fanzha.core.Money;

/**
 * Who gets how much of a frozen account's money back, by art. 8 of the 2016 rules on returning frozen funds
 * in telecom-fraud cases (《电信网络新型违法犯罪案件冻结资金返还若干规定》, secondary; DOMAIN §3):
 *
 * <ol>
 * <li>one deposit in the frozen account, traceable to one victim: it goes back to that victim;</li>
 * <li>several deposits, each traceable to one victim (timestamps tell whose money is whose): each victim gets
 * what the trace says is still theirs;</li>
 * <li>otherwise, pro rata: each victim's share of the frozen money is their loss over all victims' losses,
 * rounded to the fen by largest remainder so the shares add up exactly.</li>
 * </ol>
 * No victim ever gets more than what they lost and have not had back yet: a share above that is cut to it
 * and the excess shared again among the others (by their losses); what no one may take stays frozen.
 * A newly identified victim starts a new round: call again with everyone's losses and what was already
 * returned, and the frozen amount that is left.
 */
public final class ReturnAllocator {

	public enum Basis {
		/** Art. 8(1): a single deposit traceable to one victim. */
		SINGLE_DEPOSIT,
		/** Art. 8(2): several deposits, each traceable to one victim. */
		TIMESTAMPS,
		/** Art. 8(3): pro rata by loss. */
		PRO_RATA
	}

	/**
	 * Money that came into the frozen account.
	 *
	 * @param perVictim the traced part per victim (same victim order as the victims list); what is not traced
	 * to any victim is the account's own money or unknown
	 */
	public record Deposit(String transferId, long amountFen, long[] perVictim) {
	}

	/**
	 * @param lossFen what the victim lost in this case
	 * @param returnedFen what was already returned to them in earlier rounds
	 */
	public record Victim(String id, long lossFen, long returnedFen) {

		public Victim {
			if (lossFen <= 0 || returnedFen < 0 || returnedFen > lossFen) {
				throw new IllegalArgumentException("victim " + id + ": loss must be > 0 and 0 <= returned <= loss");
			}
		}

		long outstanding() {
			return lossFen - returnedFen;
		}
	}

	/**
	 * @param returnFen what each victim gets, in the order of the victims list
	 * @param remainderFen what stays frozen
	 */
	public record Allocation(Basis basis, long[] returnFen, long remainderFen) {

		public long totalFen() {
			long s = 0;
			for (long r : returnFen) {
				s += r;
			}
			return s;
		}
	}

	private ReturnAllocator() {
	}

	/**
	 * @param frozenFen the money frozen in the account now
	 * @param heldPerVictim what the trace says is each victim's money still in the account (null when untraced)
	 */
	public static Allocation allocate(long frozenFen, List<Deposit> deposits, long[] heldPerVictim, List<Victim> victims) {
		if (frozenFen < 0) {
			throw new IllegalArgumentException("frozen amount must be >= 0, got " + frozenFen);
		}
		if (victims.isEmpty()) {
			throw new IllegalArgumentException("a return needs at least one victim");
		}
		int n = victims.size();
		if (heldPerVictim != null && heldPerVictim.length != n) {
			throw new IllegalArgumentException("heldPerVictim must have one entry per victim");
		}
		int single = singleVictim(deposits, n);
		long[] out = new long[n];
		if (deposits.size() == 1 && single >= 0) {
			out[single] = Math.min(frozenFen, victims.get(single).outstanding());
			return new Allocation(Basis.SINGLE_DEPOSIT, out, frozenFen - out[single]);
		}
		if (!deposits.isEmpty() && heldPerVictim != null && everyDepositHasOneVictim(deposits, n)) {
			long left = frozenFen;
			for (int v = 0; v < n && left > 0; v++) {
				out[v] = Math.min(Math.min(heldPerVictim[v], victims.get(v).outstanding()), left);
				left -= out[v];
			}
			return new Allocation(Basis.TIMESTAMPS, out, left);
		}
		long owed = 0;
		for (Victim v : victims) {
			owed += v.outstanding();
		}
		// never share out more than the victims are still owed; a victim whose share would exceed what they are
		// owed gets exactly that, and the excess is shared again among the others by their losses
		long pot = Math.min(frozenFen, owed);
		boolean[] capped = new boolean[n];
		long given = 0;
		while (true) {
			long[] weights = new long[n];
			boolean any = false;
			for (int v = 0; v < n; v++) {
				if (!capped[v]) {
					weights[v] = victims.get(v).lossFen();
					any = true;
				}
			}
			if (!any || pot - given <= 0) {
				break;
			}
			long[] shares = Money.allocateLargestRemainder(pot - given, weights);
			boolean newlyCapped = false;
			for (int v = 0; v < n; v++) {
				if (!capped[v] && shares[v] >= victims.get(v).outstanding()) {
					out[v] = victims.get(v).outstanding();
					given += out[v];
					capped[v] = true;
					newlyCapped = true;
				}
			}
			if (!newlyCapped) {
				for (int v = 0; v < n; v++) {
					if (!capped[v]) {
						out[v] = shares[v];
						given += shares[v];
					}
				}
				break;
			}
		}
		return new Allocation(Basis.PRO_RATA, out, frozenFen - given);
	}

	/** The one victim all deposits belong to, or -1. */
	private static int singleVictim(List<Deposit> deposits, int n) {
		int found = -1;
		for (Deposit d : deposits) {
			for (int v = 0; v < n; v++) {
				if (d.perVictim()[v] > 0) {
					if (found >= 0 && found != v) {
						return -1;
					}
					found = v;
				}
			}
		}
		return found;
	}

	private static boolean everyDepositHasOneVictim(List<Deposit> deposits, int n) {
		for (Deposit d : deposits) {
			if (d.perVictim().length != n) {
				throw new IllegalArgumentException("deposit " + d.transferId() + " must attribute to every victim");
			}
			int owners = 0;
			long traced = 0;
			for (long p : d.perVictim()) {
				if (p > 0) {
					owners++;
					traced += p;
				}
			}
			if (owners != 1 || traced != d.amountFen()) {
				return false;
			}
		}
		return true;
	}
}
