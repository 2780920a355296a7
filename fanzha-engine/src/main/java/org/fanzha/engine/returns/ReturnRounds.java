package org.fanzha.engine.returns;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/*
 * One round of returning one freeze's money, with each victim counted across the whole case.
 *
 * Rule. 《电信网络新型违法犯罪案件冻结资金返还若干规定》 (2016) art. 8 (secondary; DOMAIN §3): a frozen account's
 * money goes back to the victims whose money reached it, (1) directly when one deposit traceable to one victim
 * is all the trace shows, (2) directly to each when several deposits each trace to one victim, (3) otherwise
 * pro rata by loss after a 30-day public notice for objections; what remains stays frozen and a newly
 * identified victim starts a new round. A victim is one person across the case: whatever rounds of whatever
 * freezes pay them, the total never exceeds their loss. So a round here
 *  - lets share only the victims whose money the trace brought to this account, or whom an officer added by
 *    hand with a written reason (the trace can miss money: cash, an account outside the data); the others get
 *    nothing and are listed, so the decision shows who was left out and why;
 *  - picks the basis from the deposits as they concern those victims: direct returns (1)/(2) only when the
 *    deposits show every sharing victim's money; a victim the deposits do not show (added by hand, or traced
 *    here without the deposit in the statements) makes the money mixed, hence pro rata;
 *  - caps each victim at their loss less what every earlier round of every freeze returned or will return,
 *    re-sharing the excess ({@link ReturnAllocator}); the shares plus what stays frozen are exactly the money
 *    available, and no share depends on the order the victims are listed in (ties go by victim id);
 *  - asks for the 30-day notice only for a pro-rata round that returns something: a round over nothing
 *    (all repaid, nothing left, no one eligible) opens no notice.
 *
 * Cost. One allocation over the eligible victims: O(n log n) for the tie order plus O(n) per re-sharing pass,
 * at most n passes (each caps at least one victim), so O(n²) worst case, with the loss × amount products in
 * BigInteger; n is the victims of one account's cases (tens), far below any concern.
 */
public final class ReturnRounds {

	/**
	 * @param victimId the case number (one victim per case)
	 * @param lossFen what the victim lost in the case (> 0)
	 * @param returnedFen what ALL earlier rounds of ALL freezes have returned or will
	 * return to this victim (>= 0, may exceed the loss: it is clamped to it)
	 * @param tracedFen this victim's traced money that reached THIS frozen account (0 =
	 * the trace never brought their money there)
	 * @param addedReason non-null when an officer added the victim by hand with a written
	 * reason (then eligible even with tracedFen 0); must not be blank
	 */
	public record Claim(String victimId, long lossFen, long returnedFen, long tracedFen, String addedReason) {

		public Claim {
			if (victimId == null || victimId.isBlank()) {
				throw new IllegalArgumentException("a claim needs the victim's id (case number)");
			}
			if (lossFen <= 0) {
				throw new IllegalArgumentException("claim " + victimId + ": loss must be > 0, got " + lossFen);
			}
			if (returnedFen < 0) {
				throw new IllegalArgumentException("claim " + victimId + ": returned must be >= 0, got " + returnedFen);
			}
			if (tracedFen < 0) {
				throw new IllegalArgumentException("claim " + victimId + ": traced must be >= 0, got " + tracedFen);
			}
			if (addedReason != null && addedReason.isBlank()) {
				throw new IllegalArgumentException("claim " + victimId
						+ ": an officer adding a victim by hand must give a written reason (null when not added)");
			}
		}

		/** Whose money reached the account, or whom an officer added with a reason. */
		public boolean eligible() {
			return tracedFen > 0 || addedReason != null;
		}

		/** What the victim may still get back from any freeze. */
		public long outstandingFen() {
			return lossFen - Math.min(returnedFen, lossFen);
		}
	}

	/**
	 * @param basis the art. 8 basis chosen for this freeze
	 * @param returnFen per claim, in the order of the claims list (0 for the ineligible)
	 * @param remainderFen what stays frozen (availableFen - sum(returnFen))
	 * @param noticeRequired true only when basis == PRO_RATA and something is returned
	 * (art. 8: the 30-day notice is for pro-rata returns; a round over nothing opens no
	 * notice)
	 * @param ineligible victim ids whose money never reached the account and that no
	 * officer added
	 */
	public record Plan(ReturnAllocator.Basis basis, long[] returnFen, long remainderFen, boolean noticeRequired,
			List<String> ineligible) {

		public Plan {
			ineligible = List.copyOf(ineligible);
		}

		public long totalFen() {
			return ReturnAllocator.sum(returnFen);
		}
	}

	private ReturnRounds() {
	}

	/**
	 * @param availableFen what is still frozen and not yet returned in this freeze (>= 0)
	 * @param deposits deposits into the frozen account with perVictim in claims order
	 * (may be empty when the statements/trace do not show them)
	 * @param heldPerVictim each claim's traced money still in the account (claims order),
	 * or null when untraced
	 */
	public static Plan plan(long availableFen, List<ReturnAllocator.Deposit> deposits, long[] heldPerVictim,
			List<Claim> claims) {
		if (availableFen < 0) {
			throw new IllegalArgumentException("available amount must be >= 0, got " + availableFen);
		}
		if (claims == null || deposits == null) {
			throw new IllegalArgumentException("claims and deposits must be given (empty lists, not null)");
		}
		int n = claims.size();
		Set<String> ids = new HashSet<>();
		for (Claim c : claims) {
			if (c == null) {
				throw new IllegalArgumentException("a claim is missing (null)");
			}
			if (!ids.add(c.victimId())) {
				throw new IllegalArgumentException(
						"victim " + c.victimId() + " is claimed twice: one claim per victim");
			}
		}
		if (heldPerVictim != null) {
			if (heldPerVictim.length != n) {
				throw new IllegalArgumentException(
						"heldPerVictim has " + heldPerVictim.length + " entries for " + n + " claims: one per claim");
			}
			for (int v = 0; v < n; v++) {
				if (heldPerVictim[v] < 0) {
					throw new IllegalArgumentException("held money of victim " + claims.get(v).victimId()
							+ " must be >= 0, got " + heldPerVictim[v]);
				}
			}
		}
		for (ReturnAllocator.Deposit d : deposits) {
			if (d == null || d.perVictim() == null) {
				throw new IllegalArgumentException("a deposit or its per-victim attribution is missing (null)");
			}
			if (d.amountFen() < 0) {
				throw new IllegalArgumentException(
						"deposit " + d.transferId() + ": amount must be >= 0, got " + d.amountFen());
			}
			if (d.perVictim().length != n) {
				throw new IllegalArgumentException("deposit " + d.transferId() + " attributes to "
						+ d.perVictim().length + " victims for " + n + " claims: one entry per claim");
			}
			long traced = 0;
			for (int v = 0; v < n; v++) {
				long p = d.perVictim()[v];
				if (p < 0) {
					throw new IllegalArgumentException("deposit " + d.transferId() + " attributes " + p
							+ " fen to victim " + claims.get(v).victimId() + ": must be >= 0");
				}
				traced += p;
				if (traced > d.amountFen()) {
					throw new IllegalArgumentException("deposit " + d.transferId()
							+ " attributes more to victims than its amount " + d.amountFen());
				}
			}
		}

		List<Integer> eligible = new ArrayList<>();
		List<String> ineligible = new ArrayList<>();
		for (int v = 0; v < n; v++) {
			if (claims.get(v).eligible()) {
				eligible.add(v);
			}
			else {
				ineligible.add(claims.get(v).victimId());
			}
		}
		long[] out = new long[n];
		if (eligible.isEmpty()) {
			// no one may share this money: it all stays frozen; nothing is identified, so
			// no direct basis
			return new Plan(ReturnAllocator.Basis.PRO_RATA, out, availableFen, false, ineligible);
		}

		int m = eligible.size();
		List<ReturnAllocator.Victim> victims = new ArrayList<>(m);
		for (int v : eligible) {
			Claim c = claims.get(v);
			victims.add(new ReturnAllocator.Victim(c.victimId(), c.lossFen(), Math.min(c.returnedFen(), c.lossFen())));
		}
		// the deposits as they concern the eligible victims; money attributed to anyone
		// else is not theirs to claim
		List<ReturnAllocator.Deposit> shown = new ArrayList<>(deposits.size());
		boolean[] seen = new boolean[m];
		for (ReturnAllocator.Deposit d : deposits) {
			long[] per = new long[m];
			for (int k = 0; k < m; k++) {
				per[k] = d.perVictim()[eligible.get(k)];
				seen[k] |= per[k] > 0;
			}
			shown.add(new ReturnAllocator.Deposit(d.transferId(), d.amountFen(), per));
		}
		boolean everyoneShown = true;
		for (boolean s : seen) {
			everyoneShown &= s;
		}
		long[] held = null;
		if (heldPerVictim != null) {
			held = new long[m];
			for (int k = 0; k < m; k++) {
				held[k] = heldPerVictim[eligible.get(k)];
			}
		}
		// art. 8(1)/(2) need the deposits to tell every sharing victim's money apart;
		// otherwise it is mixed
		ReturnAllocator.Allocation a = everyoneShown ? ReturnAllocator.allocate(availableFen, shown, held, victims)
				: ReturnAllocator.allocate(availableFen, List.of(), null, victims);
		for (int k = 0; k < m; k++) {
			out[eligible.get(k)] = a.returnFen()[k];
		}
		boolean notice = a.basis() == ReturnAllocator.Basis.PRO_RATA && a.totalFen() > 0;
		return new Plan(a.basis(), out, a.remainderFen(), notice, ineligible);
	}

}
