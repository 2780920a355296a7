package org.fanzha.engine.returns;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.fanzha.core.Money;

/**
 * Who gets how much of a frozen account's money back, by art. 8 of the 2016 rules on
 * returning frozen funds in telecom-fraud cases (《电信网络新型违法犯罪案件冻结资金返还若干规定》, secondary;
 * DOMAIN §3):
 *
 * <ol>
 * <li>one deposit in the frozen account, traceable to one victim: it goes back to that
 * victim;</li>
 * <li>several deposits, each traceable to one victim (timestamps tell whose money is
 * whose): each victim gets what the trace says is still theirs;</li>
 * <li>otherwise, pro rata: each victim's share of the frozen money is their loss over all
 * victims' losses, rounded to the fen by largest remainder so the shares add up
 * exactly.</li>
 * </ol>
 * No victim ever gets more than what they lost and have not had back yet: a share above
 * that is cut to it and the excess shared again among the others (by their losses); what
 * no one may take stays frozen. Under (2), when the account holds less than the victims'
 * traced money still owed to them, what it holds is shared by those amounts the same way.
 * The shares never depend on the order the victims are listed in: the odd fen of the
 * largest-remainder step go to equal remainders by victim id (then loss), not by
 * position. A newly identified victim starts a new round: call again with everyone's
 * losses and what was already returned, and the frozen amount that is left.
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
	 * @param perVictim the traced part per victim (same victim order as the victims
	 * list); what is not traced to any victim is the account's own money or unknown
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
			return sum(returnFen);
		}
	}

	private ReturnAllocator() {
	}

	/**
	 * The sum of shares (each between 0 and the money available, so their sum fits in a
	 * long).
	 */
	static long sum(long[] shares) {
		long s = 0;
		for (long r : shares) {
			s += r;
		}
		return s;
	}

	/**
	 * @param frozenFen the money frozen in the account now
	 * @param heldPerVictim what the trace says is each victim's money still in the
	 * account (null when untraced)
	 */
	public static Allocation allocate(long frozenFen, List<Deposit> deposits, long[] heldPerVictim,
			List<Victim> victims) {
		if (frozenFen < 0) {
			throw new IllegalArgumentException("frozen amount must be >= 0, got " + frozenFen);
		}
		if (victims.isEmpty()) {
			throw new IllegalArgumentException("a return needs at least one victim");
		}
		int n = victims.size();
		if (heldPerVictim != null) {
			if (heldPerVictim.length != n) {
				throw new IllegalArgumentException("heldPerVictim must have one entry per victim");
			}
			for (int v = 0; v < n; v++) {
				if (heldPerVictim[v] < 0) {
					throw new IllegalArgumentException("held money of victim " + victims.get(v).id() + " must be >= 0");
				}
			}
		}
		for (Deposit d : deposits) {
			if (d.perVictim().length != n) {
				throw new IllegalArgumentException("deposit " + d.transferId() + " must attribute to every victim");
			}
			for (long p : d.perVictim()) {
				if (p < 0) {
					throw new IllegalArgumentException("deposit " + d.transferId() + " attributes a negative amount");
				}
			}
		}
		// the shares must not depend on the order the victims are listed in: equal
		// remainders go by victim id
		// (then loss, then what was returned), never by position
		int[] rank = tieRanks(victims);
		int single = singleVictim(deposits, n);
		long[] out = new long[n];
		if (deposits.size() == 1 && single >= 0) {
			out[single] = Math.min(frozenFen, victims.get(single).outstanding());
			return new Allocation(Basis.SINGLE_DEPOSIT, out, frozenFen - out[single]);
		}
		if (!deposits.isEmpty() && heldPerVictim != null && everyDepositHasOneVictim(deposits)) {
			// each victim's own money, as far as they are still owed it; when the account
			// holds less than that
			// (an earlier return, a bank fee), what it holds is shared by those claims,
			// not first come first served
			long[] claims = new long[n];
			long claimed = 0;
			for (int v = 0; v < n; v++) {
				claims[v] = Math.min(heldPerVictim[v], victims.get(v).outstanding());
				claimed = saturatedAdd(claimed, claims[v]);
			}
			if (claimed <= frozenFen) {
				return new Allocation(Basis.TIMESTAMPS, claims, frozenFen - claimed);
			}
			// claimed > frozenFen >= 0, so some claim is positive; each part stays <= its
			// claim
			long[] parts = Money.allocateLargestRemainder(frozenFen, claims, rank);
			return new Allocation(Basis.TIMESTAMPS, parts, 0);
		}
		long owed = 0;
		for (Victim v : victims) {
			owed = saturatedAdd(owed, v.outstanding());
		}
		// never share out more than the victims are still owed; a victim whose share
		// would exceed what they are
		// owed gets exactly that, and the excess is shared again among the others by
		// their losses
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
			long[] shares = Money.allocateLargestRemainder(pot - given, weights, rank);
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

	/**
	 * Each victim's place when ordered by id, then loss, then what was returned: the
	 * order-free tie-break.
	 */
	private static int[] tieRanks(List<Victim> victims) {
		int n = victims.size();
		Integer[] order = new Integer[n];
		for (int v = 0; v < n; v++) {
			order[v] = v;
		}
		Comparator<Victim> byContent = Comparator
			.comparing(Victim::id, Comparator.nullsFirst(Comparator.naturalOrder()))
			.thenComparingLong(Victim::lossFen)
			.thenComparingLong(Victim::returnedFen);
		Arrays.sort(order, (a, b) -> byContent.compare(victims.get(a), victims.get(b)));
		int[] rank = new int[n];
		for (int k = 0; k < n; k++) {
			rank[order[k]] = k;
		}
		return rank;
	}

	private static long saturatedAdd(long a, long b) {
		long s = a + b;
		return s < 0 ? Long.MAX_VALUE : s; // both are >= 0, so a negative sum is an
											// overflow
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

	private static boolean everyDepositHasOneVictim(List<Deposit> deposits) {
		for (Deposit d : deposits) {
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
