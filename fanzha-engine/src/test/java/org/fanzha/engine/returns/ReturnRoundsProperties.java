package org.fanzha.engine.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.fanzha.engine.returns.ReturnAllocator.Basis;
import org.fanzha.engine.returns.ReturnAllocator.Deposit;
import org.fanzha.engine.returns.ReturnRounds.Claim;
import org.fanzha.engine.returns.ReturnRounds.Plan;

/**
 * Invariants of return rounds over random cases: several victims, several accounts their
 * money reached (or not), several freezes on those accounts, rounds run over the freezes
 * in random order with victims coming forward over time, each round fed what every
 * earlier round returned to each victim. They must hold for every such history, not just
 * the hand-computed ones.
 */
class ReturnRoundsProperties {

	/** One round as it was asked and answered. */
	record Round(int freeze, long available, List<Deposit> deposits, long[] held, List<Claim> claims, Plan plan) {
	}

	record History(String[] ids, long[] loss, List<Round> rounds) {
	}

	/**
	 * A random case and the rounds run over its freezes. {@code victims} victims with
	 * losses (often equal, so largest-remainder ties happen), {@code accounts} accounts
	 * each reached by some victims' money, officers adding a few victims by hand,
	 * {@code freezes} freezes each on one account with deposits shown one per victim,
	 * mixed, or not at all.
	 */
	static History history(long seed, int victims, int accounts, int freezes) {
		Random r = new Random(seed);
		String[] ids = new String[victims];
		Set<String> used = new HashSet<>();
		long[] loss = new long[victims];
		for (int v = 0; v < victims; v++) {
			do {
				ids[v] = "C" + r.nextInt(1_000);
			}
			while (!used.add(ids[v]));
			loss[v] = r.nextInt(3) == 0 ? 100L * (1 + r.nextInt(3)) : 1 + r.nextLong(50_000_000L);
		}
		long[][] traced = new long[accounts][victims];
		String[][] added = new String[accounts][victims];
		for (int a = 0; a < accounts; a++) {
			for (int v = 0; v < victims; v++) {
				if (r.nextBoolean()) {
					traced[a][v] = 1 + r.nextLong(loss[v]);
				}
				else if (r.nextInt(6) == 0) {
					added[a][v] = "officer's note " + a + "/" + v;
				}
			}
		}
		int[] account = new int[freezes];
		long[] frozen = new long[freezes];
		List<List<Deposit>> deposits = new ArrayList<>();
		long[][] held = new long[freezes][];
		for (int f = 0; f < freezes; f++) {
			int a = r.nextInt(accounts);
			account[f] = a;
			long reached = 0;
			for (long t : traced[a]) {
				reached += t;
			}
			int size = r.nextInt(5);
			frozen[f] = size == 0 ? 0 : size == 1 ? 1 + r.nextInt(1_000)
					: size == 4 ? 1 + r.nextLong(200_000_000L) : 1 + r.nextLong(reached + 1);
			List<Deposit> ds = new ArrayList<>();
			int style = r.nextInt(4);
			if (style == 1 || style == 3) { // one deposit per victim (timestamps tell
											// them apart), maybe split
				for (int v = 0; v < victims; v++) {
					if (traced[a][v] > 0) {
						long left = traced[a][v];
						int parts = style == 3 ? 1 + r.nextInt(2) : 1;
						for (int k = 0; k < parts && left > 0; k++) {
							long part = k == parts - 1 ? left : 1 + r.nextLong(left);
							long[] per = new long[victims];
							per[v] = part;
							ds.add(new Deposit("T" + f + "-" + v + "-" + k, part, per));
							left -= part;
						}
					}
				}
			}
			else if (style == 2 && reached > 0) { // one mixed deposit, perhaps with the
													// account's own money
				long own = r.nextBoolean() ? 0 : r.nextInt(10_000);
				ds.add(new Deposit("T" + f, reached + own, traced[a].clone()));
			}
			deposits.add(ds);
			if (r.nextBoolean()) {
				held[f] = new long[victims];
				for (int v = 0; v < victims; v++) {
					held[f][v] = traced[a][v] == 0 ? 0 : r.nextLong(traced[a][v] + 1);
				}
			}
		}
		// victims come forward over time: each joins the claims from some round on
		int roundCount = freezes * (1 + r.nextInt(3));
		int[] joins = new int[victims];
		for (int v = 0; v < victims; v++) {
			joins[v] = r.nextInt(3) == 0 ? r.nextInt(roundCount) : 0;
		}
		long[] returned = new long[victims];
		long[] returnedFromFreeze = new long[freezes];
		List<Round> rounds = new ArrayList<>();
		for (int k = 0; k < roundCount; k++) {
			int f = r.nextInt(freezes);
			int a = account[f];
			List<Integer> who = new ArrayList<>();
			for (int v = 0; v < victims; v++) {
				if (joins[v] <= k) {
					who.add(v);
				}
			}
			List<Claim> claims = new ArrayList<>();
			for (int v : who) {
				claims.add(new Claim(ids[v], loss[v], returned[v], traced[a][v], added[a][v]));
			}
			List<Deposit> ds = new ArrayList<>();
			for (Deposit d : deposits.get(f)) {
				ds.add(new Deposit(d.transferId(), d.amountFen(), select(d.perVictim(), who)));
			}
			long[] h = held[f] == null ? null : select(held[f], who);
			long available = frozen[f] - returnedFromFreeze[f];
			Plan plan = ReturnRounds.plan(available, ds, h, claims);
			for (int i = 0; i < who.size(); i++) {
				returned[who.get(i)] += plan.returnFen()[i];
				returnedFromFreeze[f] += plan.returnFen()[i];
			}
			rounds.add(new Round(f, available, ds, h, claims, plan));
		}
		return new History(ids, loss, rounds);
	}

	private static long[] select(long[] all, List<Integer> who) {
		long[] out = new long[who.size()];
		for (int i = 0; i < out.length; i++) {
			out[i] = all[who.get(i)];
		}
		return out;
	}

	@Property(tries = 400)
	void nobodyIsEverPaidMoreThanTheyLostAcrossAllFreezesAndRounds(@ForAll long seed,
			@ForAll @IntRange(min = 1, max = 8) int victims, @ForAll @IntRange(min = 1, max = 4) int accounts,
			@ForAll @IntRange(min = 1, max = 6) int freezes) {
		History h = history(seed, victims, accounts, freezes);
		Map<String, Long> paid = new HashMap<>();
		for (Round round : h.rounds()) {
			for (int i = 0; i < round.claims().size(); i++) {
				assertThat(round.plan().returnFen()[i]).isNotNegative();
				paid.merge(round.claims().get(i).victimId(), round.plan().returnFen()[i], Long::sum);
			}
		}
		for (int v = 0; v < h.ids().length; v++) {
			assertThat(paid.getOrDefault(h.ids()[v], 0L)).as("victim %s, loss %d", h.ids()[v], h.loss()[v])
				.isLessThanOrEqualTo(h.loss()[v]);
		}
	}

	@Property(tries = 400)
	void everyRoundAccountsForExactlyTheMoneyAvailable(@ForAll long seed,
			@ForAll @IntRange(min = 1, max = 8) int victims, @ForAll @IntRange(min = 1, max = 4) int accounts,
			@ForAll @IntRange(min = 1, max = 6) int freezes) {
		for (Round round : history(seed, victims, accounts, freezes).rounds()) {
			Plan p = round.plan();
			assertThat(p.returnFen()).hasSize(round.claims().size());
			assertThat(p.remainderFen()).isNotNegative();
			assertThat(p.totalFen() + p.remainderFen()).isEqualTo(round.available());
			assertThat(p.noticeRequired()).isEqualTo(p.basis() == Basis.PRO_RATA && p.totalFen() > 0);
		}
	}

	@Property(tries = 400)
	void sharesDoNotDependOnTheOrderOfTheClaims(@ForAll long seed, @ForAll @IntRange(min = 1, max = 8) int victims,
			@ForAll @IntRange(min = 1, max = 4) int accounts, @ForAll @IntRange(min = 1, max = 6) int freezes,
			@ForAll long shuffleSeed) {
		Random r = new Random(shuffleSeed);
		for (Round round : history(seed, victims, accounts, freezes).rounds()) {
			int n = round.claims().size();
			List<Integer> perm = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				perm.add(i);
			}
			Collections.shuffle(perm, r);
			List<Claim> claims = new ArrayList<>();
			for (int i : perm) {
				claims.add(round.claims().get(i));
			}
			List<Deposit> deposits = new ArrayList<>();
			for (Deposit d : round.deposits()) {
				deposits.add(new Deposit(d.transferId(), d.amountFen(), select(d.perVictim(), perm)));
			}
			Collections.shuffle(deposits, r);
			long[] held = round.held() == null ? null : select(round.held(), perm);
			Plan shuffled = ReturnRounds.plan(round.available(), deposits, held, claims);
			Plan p = round.plan();
			assertThat(shuffled.basis()).isEqualTo(p.basis());
			assertThat(shuffled.remainderFen()).isEqualTo(p.remainderFen());
			assertThat(shuffled.noticeRequired()).isEqualTo(p.noticeRequired());
			assertThat(shuffled.ineligible()).containsExactlyInAnyOrderElementsOf(p.ineligible());
			for (int i = 0; i < n; i++) {
				assertThat(shuffled.returnFen()[i]).as("victim %s", claims.get(i).victimId())
					.isEqualTo(p.returnFen()[perm.get(i)]);
			}
		}
	}

	@Property(tries = 400)
	void victimsWhoseMoneyNeverReachedTheAccountAndNoOfficerAddedGetNothing(@ForAll long seed,
			@ForAll @IntRange(min = 1, max = 8) int victims, @ForAll @IntRange(min = 1, max = 4) int accounts,
			@ForAll @IntRange(min = 1, max = 6) int freezes) {
		for (Round round : history(seed, victims, accounts, freezes).rounds()) {
			List<String> expected = new ArrayList<>();
			for (int i = 0; i < round.claims().size(); i++) {
				Claim c = round.claims().get(i);
				if (c.tracedFen() == 0 && c.addedReason() == null) {
					expected.add(c.victimId());
					assertThat(round.plan().returnFen()[i]).as("ineligible %s", c.victimId()).isZero();
				}
			}
			assertThat(round.plan().ineligible()).containsExactlyElementsOf(expected);
		}
	}

}
