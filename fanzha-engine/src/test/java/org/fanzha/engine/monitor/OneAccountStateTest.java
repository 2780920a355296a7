package org.fanzha.engine.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The API a stream processor uses to hold each account's state itself: one account's
 * features and signals copied out to a {@code long[]}, copied into a one-account
 * instance, booked side by side with {@code recordSide}, read through
 * {@link TransferMonitor#payerSide}/{@link TransferMonitor#payeeSide}, must give the
 * vector the monitor gives with every account in its own arrays.
 */
class OneAccountStateTest {

	private static final long T0 = 1_772_323_200L;

	@Test
	void perAccountStateCopiedInAndOutGivesTheMonitorsOwnSideFeatures() {
		int accounts = 40;
		TransferMonitor monitor = TransferMonitor.withDefaultRules(accounts);
		AccountFeatures one = new AccountFeatures(1);
		RiskSignals oneRisk = new RiskSignals(1);
		int stride = AccountFeatures.ACCOUNT_LONGS + RiskSignals.ACCOUNT_LONGS;
		long[][] state = new long[accounts][stride];
		for (long[] s : state) {
			one.copyOut(0, s, 0); // a never-seen account (instance 'one' has booked
									// nothing yet)
			oneRisk.copyOut(0, s, AccountFeatures.ACCOUNT_LONGS);
		}
		Random random = new Random(3);
		monitor.confirm(7, T0);
		load(one, oneRisk, state[7]);
		oneRisk.confirm(0, T0);
		store(one, oneRisk, state[7]);
		long t = T0;
		double[] payer = new double[RuleSet.FEATURES.size()];
		double[] payee = new double[RuleSet.FEATURES.size()];
		for (int i = 0; i < 5_000; i++) {
			t += random.nextInt(600);
			int from = random.nextInt(accounts);
			int to = random.nextInt(accounts);
			if (to == from) {
				continue;
			}
			long amount = 1 + random.nextInt(2_000_000);
			monitor.decide(from, to, amount, t);
			double[] expected = monitor.lastFeatures();

			load(one, oneRisk, state[from]);
			one.recordSide(0, false, to, amount, t);
			TransferMonitor.payerSide(one, oneRisk, 0, t, payer);
			store(one, oneRisk, state[from]);
			load(one, oneRisk, state[to]);
			long idle = one.idleSeconds(0, t);
			one.recordSide(0, true, from, amount, t);
			TransferMonitor.payeeSide(one, oneRisk, 0, t, idle, payee);
			store(one, oneRisk, state[to]);

			for (int slot : new int[] { 10, 11, 14 }) {
				assertThat(payer[slot]).as("payer slot %d at %d", slot, i).isEqualTo(expected[slot]);
			}
			for (int slot = 2; slot <= 9; slot++) {
				assertThat(payee[slot]).as("payee slot %d at %d", slot, i).isEqualTo(expected[slot]);
			}
		}
	}

	private static void load(AccountFeatures f, RiskSignals r, long[] s) {
		f.copyIn(0, s, 0);
		r.copyIn(0, s, AccountFeatures.ACCOUNT_LONGS);
	}

	private static void store(AccountFeatures f, RiskSignals r, long[] s) {
		f.copyOut(0, s, 0);
		r.copyOut(0, s, AccountFeatures.ACCOUNT_LONGS);
	}

}
