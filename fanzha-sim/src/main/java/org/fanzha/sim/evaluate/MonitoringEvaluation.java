package org.fanzha.sim.evaluate;

import java.util.BitSet;

import org.fanzha.engine.monitor.Action;
import org.fanzha.engine.monitor.RuleEngine;
import org.fanzha.engine.monitor.TransferMonitor;
import org.fanzha.sim.world.EventSink;
import org.fanzha.sim.world.SimConfig;
import org.fanzha.sim.world.Simulator;
import org.fanzha.sim.world.TransferChannel;
import org.fanzha.sim.world.World;

/**
 * The default monitoring rules run over a simulated province, transfer by transfer in time order, against
 * the ground truth: an account counts as flagged when a decision delays, reviews or freezes money paid to it.
 *
 * <ul>
 * <li>precision, recall, F1 of flagged accounts against the mule accounts (truth/mule_accounts);</li>
 * <li>legit transfers delayed or frozen per 10,000 legit transfers;</li>
 * <li>share of laundering money (level-1 victims' payments) delayed or frozen before it left level 1.</li>
 * </ul>
 */
public final class MonitoringEvaluation {

	public record Report(String preset, long seed, boolean evasive, long transfers, int mules, int flagged,
			int truePositives, double precision, double recall, double f1, double legitDelayedPer10k,
			double victimMoneyHeldShare) {
	}

	private MonitoringEvaluation() {
	}

	public static Report run(SimConfig config) {
		World world = new World(config);
		int accounts = world.population.accounts();
		TransferMonitor monitor = TransferMonitor.withDefaultRules(accounts);
		BitSet flagged = new BitSet(accounts);
		long[] counters = new long[4]; // transfers, legit, legit delayed, (unused)
		long[] money = new long[2]; // victim payments, victim payments held
		EventSink sink = new EventSink() {

			int lastFrom;

			int lastTo;

			long lastAmount;

			boolean lastHeld;

			@Override
			public void transfer(long id, long time, int from, int to, long amountFen, TransferChannel channel, int county) {
				RuleEngine.Verdict v = monitor.decide(from, to, amountFen, time);
				boolean acted = v.action == Action.DELAY || v.action == Action.PROTECTIVE_FREEZE || v.action == Action.REVIEW;
				boolean holds = v.action == Action.DELAY || v.action == Action.PROTECTIVE_FREEZE;
				if (acted && to >= 0) {
					flagged.set(to);
				}
				counters[0]++;
				boolean fraud = world.isMule(from) || (to >= 0 && world.isMule(to));
				if (!fraud) {
					counters[1]++;
					if (holds) {
						counters[2]++;
					}
				}
				lastFrom = from;
				lastTo = to;
				lastAmount = amountFen;
				lastHeld = holds;
			}

			@Override
			public void laundering(long transferId, long chainId, int gang, int level, long victimTransferId) {
				// called right after its transfer: a victim's payment is level 1
				if (level == 1) {
					money[0] += lastAmount;
					if (lastHeld) {
						money[1] += lastAmount;
					}
				}
			}

			@Override
			public void call(long id, long time, long caller, long callee, int d, boolean answered, int county, long imei) {
			}

			@Override
			public void sms(long id, long time, long sender, long receiver, int county) {
			}
		};
		new Simulator(world).run(sink);
		int mules = world.gangs.mules();
		int tp = 0;
		for (int a = flagged.nextSetBit(0); a >= 0; a = flagged.nextSetBit(a + 1)) {
			if (world.isMule(a)) {
				tp++;
			}
		}
		int f = flagged.cardinality();
		double precision = f == 0 ? 0 : tp / (double) f;
		double recall = mules == 0 ? 0 : tp / (double) mules;
		double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
		return new Report(config.preset(), config.seed(), config.evasive(), counters[0], mules, f, tp, precision, recall,
				f1, counters[1] == 0 ? 0 : counters[2] * 10_000.0 / counters[1],
				money[0] == 0 ? 0 : money[1] / (double) money[0]);
	}
}
