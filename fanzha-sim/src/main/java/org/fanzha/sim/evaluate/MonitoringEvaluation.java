package org.fanzha.sim.evaluate;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.fanzha.engine.monitor.Action;
import org.fanzha.engine.monitor.RuleSet;
import org.fanzha.engine.monitor.TransferMonitor;
import org.fanzha.sim.world.SimConfig;
import org.fanzha.sim.world.World;

/**
 * The monitoring rules run over a simulated province, transfer by transfer in time order
 * with reports and flagged numbers fed back as they happen ({@link MonitoredProvince}),
 * against the ground truth: an account counts as flagged when a decision delays, reviews
 * or freezes money paid to it.
 *
 * <ul>
 * <li>precision, recall, F1 of flagged accounts against the mule accounts
 * (truth/mule_accounts);</li>
 * <li>legit transfers delayed or frozen per 10,000 legit transfers;</li>
 * <li>share of the victims' money delayed or frozen before it left level 1: the payment
 * itself held, or money leaving the account it was paid into held (attributed to the
 * payment the laundering chain started from);</li>
 * <li>median minutes from a mule's first laundering transfer to its flag.</li>
 * </ul>
 */
public final class MonitoringEvaluation {

	public record Report(String preset, long seed, boolean evasive, long transfers, int mules, int flagged,
			int truePositives, double precision, double recall, double f1, double legitDelayedPer10k,
			double victimMoneyHeldShare, double medianMinutesToFlag, int rulesVersion) {
	}

	private MonitoringEvaluation() {
	}

	public static Report run(SimConfig config) {
		return run(config, null, null);
	}

	/**
	 * With a rule set of one's own and a model (either may be null for the defaults / no
	 * model).
	 */
	public static Report run(SimConfig config, RuleSet rules, ToDoubleFunction<double[]> model) {
		World world = new World(config);
		int accounts = world.population.accounts();
		RuleSet ruleSet = rules == null ? RuleSet.parse(TransferMonitor.DEFAULT_RULES) : rules;
		TransferMonitor monitor = new TransferMonitor(ruleSet, accounts, model);
		BitSet flagged = new BitSet(accounts);
		long[] firstLaundering = new long[accounts];
		Arrays.fill(firstLaundering, Long.MAX_VALUE);
		long[] flaggedAt = new long[accounts];
		long[] counters = new long[3]; // transfers, legit, legit delayed
		long[] money = new long[2]; // victim payments, victim payments held
		// what was held of each victim's payment: the payment itself, or money leaving
		// the level-1 account
		Map<Long, long[]> victimPayments = new HashMap<>();
		MonitoredProvince.Observer observer = (id, time, from, to, amount, level, victim, v) -> {
			boolean acted = v.action == Action.DELAY || v.action == Action.PROTECTIVE_FREEZE
					|| v.action == Action.REVIEW;
			boolean holds = v.action == Action.DELAY || v.action == Action.PROTECTIVE_FREEZE;
			if (level > 0) {
				firstLaundering[from] = Math.min(firstLaundering[from], time);
				if (to >= 0) {
					firstLaundering[to] = Math.min(firstLaundering[to], time);
				}
			}
			if (acted && to >= 0 && !flagged.get(to)) {
				flagged.set(to);
				flaggedAt[to] = time;
			}
			counters[0]++;
			boolean fraud = level > 0 || world.isMule(from) || (to >= 0 && world.isMule(to));
			if (!fraud) {
				counters[1]++;
				if (holds) {
					counters[2]++;
				}
			}
			if (level == 1) {
				victimPayments.put(id, new long[] { amount, holds ? amount : 0 });
			}
			else if (level == 2 && holds) {
				long[] p = victimPayments.get(victim);
				if (p != null) {
					p[1] = Math.min(p[0], p[1] + amount);
				}
			}
		};
		PlatformLoop.simulate(world, new MonitoredProvince(world, monitor, observer));
		for (long[] p : victimPayments.values()) {
			money[0] += p[0];
			money[1] += p[1];
		}
		int mules = world.gangs.mules();
		for (int a = 0; a < accounts; a++) {
			// a reacting world's reserve account that never carried a victim's money is
			// not there to be found
			if (world.isReserveMule(a) && firstLaundering[a] == Long.MAX_VALUE) {
				mules--;
			}
		}
		int tp = 0;
		long[] minutes = new long[flagged.cardinality()];
		int m = 0;
		for (int a = flagged.nextSetBit(0); a >= 0; a = flagged.nextSetBit(a + 1)) {
			if (world.isMule(a)) {
				tp++;
				if (firstLaundering[a] != Long.MAX_VALUE) {
					minutes[m++] = Math.max(0, flaggedAt[a] - firstLaundering[a]) / 60;
				}
			}
		}
		Arrays.sort(minutes, 0, m);
		int f = flagged.cardinality();
		double precision = f == 0 ? 0 : tp / (double) f;
		double recall = mules == 0 ? 0 : tp / (double) mules;
		double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
		return new Report(config.preset(), config.seed(), config.evasive(), counters[0], mules, f, tp, precision,
				recall, f1, counters[1] == 0 ? 0 : counters[2] * 10_000.0 / counters[1],
				money[0] == 0 ? 0 : money[1] / (double) money[0], m == 0 ? -1 : minutes[m / 2], ruleSet.version());
	}

}
