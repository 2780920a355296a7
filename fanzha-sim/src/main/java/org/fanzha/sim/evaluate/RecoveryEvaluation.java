package org.fanzha.sim.evaluate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.fanzha.engine.graph.TransferGraph;
import org.fanzha.engine.monitor.Action;
import org.fanzha.engine.monitor.RuleEngine;
import org.fanzha.engine.monitor.RuleSet;
import org.fanzha.engine.monitor.TransferMonitor;
import org.fanzha.engine.stop.AccountInfo;
import org.fanzha.engine.stop.StopInstruction;
import org.fanzha.engine.stop.StopPaymentPlanner;
import org.fanzha.engine.stop.StopRegistry;
import org.fanzha.engine.trace.Policy;
import org.fanzha.engine.trace.Trace;
import org.fanzha.engine.trace.TraceRequest;
import org.fanzha.engine.trace.TraceResult;
import org.fanzha.sim.world.CaseReport;
import org.fanzha.sim.world.EventSink;
import org.fanzha.sim.world.FraudType;
import org.fanzha.sim.world.SimConfig;
import org.fanzha.sim.world.World;

/**
 * How much of the victims' money each practice would have stopped, case by case, in a
 * simulated province.
 *
 * <p>
 * For every reported case, at its report time: (A) <b>first-level only</b> — the accounts
 * the victim paid are stopped 30 minutes after the report (entering them by hand, today's
 * practice); (B) <b>Fanzha</b> — the victim's payments are traced (FIFO) at report time
 * and every account holding traced money is stopped when the bank executes the
 * instruction ({@code bankLatency} later); money that moves before that is followed by
 * the live trace, so what is stopped is the traced money held at execution time. Money
 * held in a stopped account counts as stopped: the world moves it on regardless, but the
 * bank would have refused. Both practices obey the 48-hour stop and the
 * two-stops-per-account rule across cases (a stop in force covers later money into the
 * account). (C) <b>Fanzha with monitoring on</b> — the banks also run the transfer
 * monitor ({@link MonitoredProvince}, default rules): a victim's payment that was delayed
 * or frozen, or money leaving the account it was paid into that was delayed or frozen, is
 * stopped before the report if the hold is still on when the report comes (a freeze
 * always is); the rest of the payment is stopped as in (B), in proportion. Holds further
 * down the chain are not counted (a lower bound). Shares are of the money the victims
 * paid.
 */
public final class RecoveryEvaluation {

	public static final long FIRST_LEVEL_DELAY = 30 * 60;

	public record CaseOutcome(long caseId, FraudType type, long reportDelaySeconds, long lossFen, long stoppedA,
			long stoppedB, long stoppedC, long heldBeforeReport, long engineNanos, int instructions) {
	}

	public record Share(long cases, long lossFen, long stoppedA, long stoppedB, long stoppedC, long heldBeforeReport) {

		public double shareA() {
			return lossFen == 0 ? 0 : stoppedA / (double) lossFen;
		}

		public double shareB() {
			return lossFen == 0 ? 0 : stoppedB / (double) lossFen;
		}

		public double shareC() {
			return lossFen == 0 ? 0 : stoppedC / (double) lossFen;
		}

		/** Of the money paid, the share held by the monitor before the report came. */
		public double shareHeldBeforeReport() {
			return lossFen == 0 ? 0 : heldBeforeReport / (double) lossFen;
		}

		Share plus(CaseOutcome c) {
			return new Share(cases + 1, lossFen + c.lossFen(), stoppedA + c.stoppedA(), stoppedB + c.stoppedB(),
					stoppedC + c.stoppedC(), heldBeforeReport + c.heldBeforeReport());
		}

		Share plus(Share o) {
			return new Share(cases + o.cases, lossFen + o.lossFen, stoppedA + o.stoppedA, stoppedB + o.stoppedB,
					stoppedC + o.stoppedC, heldBeforeReport + o.heldBeforeReport);
		}
	}

	public record Report(String preset, long seed, long transfers, Share total, Map<FraudType, Share> byType,
			Map<String, Share> byDelay, long engineP50Micros, long engineP99Micros, long engineMaxMicros,
			double legitDelayedPer10k, List<CaseOutcome> cases) {

		public double ratio() {
			return total.stoppedA() == 0 ? Double.POSITIVE_INFINITY : total.stoppedB() / (double) total.stoppedA();
		}
	}

	static final String[] DELAYS = { "< 1 h", "1-6 h", "6-24 h", ">= 24 h" };

	private RecoveryEvaluation() {
	}

	public static Report run(SimConfig config, long bankLatencySeconds) {
		return run(config, bankLatencySeconds, null);
	}

	/** With a learned model feeding the monitor's rules in (C) (null: rules only). */
	public static Report run(SimConfig config, long bankLatencySeconds, ToDoubleFunction<double[]> model) {
		World world = new World(config);
		GraphSink sink = new GraphSink();
		Holds holds = new Holds(world);
		TransferMonitor monitor = new TransferMonitor(RuleSet.parse(TransferMonitor.DEFAULT_RULES),
				world.population.accounts(), model);
		PlatformLoop.simulate(world, EventSink.tee(sink, new MonitoredProvince(world, monitor, holds)));
		TransferGraph g = sink.graph;
		List<CaseReport> cases = new ArrayList<>(sink.cases);
		cases.sort((a, b) -> Long.compare(a.reportTime(), b.reportTime()));
		StopRegistry registryA = new StopRegistry();
		StopRegistry registryB = new StopRegistry();
		List<CaseOutcome> outcomes = new ArrayList<>();
		for (CaseReport c : cases) {
			int[] seeds = new int[c.reportedTransfers().length];
			long loss = 0;
			long lastPayment = 0;
			for (int i = 0; i < seeds.length; i++) {
				seeds[i] = g.transferIndex("T" + c.reportedTransfers()[i]);
				loss += g.amount(seeds[i]);
				lastPayment = Math.max(lastPayment, g.time(seeds[i]));
			}
			int[] oneVictim = new int[seeds.length];
			long report = c.reportTime();

			// (A) the accounts the victim paid, stopped 30 minutes after the report
			long stopA = report + FIRST_LEVEL_DELAY;
			TraceResult atA = Trace.run(g, new TraceRequest(seeds, oneVictim, stopA, Policy.FIFO, 8, 0, 30L * 86_400));
			long stoppedA = 0;
			for (TraceResult.Holding h : atA.holdings()) {
				if (h.level() == 1 && stop(registryA, g.accountId(h.account()), stopA)) {
					stoppedA += h.amount();
				}
			}

			// (B) trace and plan at report time; the banks execute bankLatency later
			long t0 = System.nanoTime();
			TraceResult now = Trace.run(g, new TraceRequest(seeds, oneVictim, report, Policy.FIFO, 8, 0, 30L * 86_400));
			StopPaymentPlanner.Plan plan = StopPaymentPlanner.plan(g, now, AccountInfo.NONE, registryB, report, 1);
			long engine = System.nanoTime() - t0;
			long stopB = report + bankLatencySeconds;
			TraceResult atB = Trace.run(g, new TraceRequest(seeds, oneVictim, stopB, Policy.FIFO, 8, 0, 30L * 86_400));
			long stoppedB = 0;
			for (TraceResult.Holding h : atB.holdings()) {
				if (stop(registryB, g.accountId(h.account()), stopB)) {
					stoppedB += h.amount();
				}
			}
			// (C) what the monitor held before the report, then (B) on the rest
			long held = 0;
			for (long v : c.reportedTransfers()) {
				held += holds.heldAt(v, report);
			}
			held = Math.min(held, loss);
			long b = Math.min(stoppedB, loss);
			long stoppedC = loss == 0 ? 0 : Math.min(loss, held + Math.round(b * (1 - held / (double) loss)));
			outcomes.add(new CaseOutcome(c.caseId(), c.type(), report - lastPayment, loss, Math.min(stoppedA, loss), b,
					stoppedC, held, engine, plan.instructions().size()));
		}
		return summarise(config, g.transfers(), outcomes, holds.legitDelayedPer10k());
	}

	/**
	 * The monitor's holds on victims' money: per victim payment, until when the payment
	 * itself was held, and the holds on money leaving the account it was paid into.
	 */
	private static final class Holds implements MonitoredProvince.Observer {

		private final World world;

		/**
		 * victim payment id -> {amount, held-until of the payment, then pairs (amount,
		 * held-until) at level 2}
		 */
		private final Map<Long, long[]> payments = new HashMap<>();

		private long legit;

		private long legitHeld;

		Holds(World world) {
			this.world = world;
		}

		@Override
		public void decided(long id, long time, int from, int to, long amountFen, int level, long victimTransferId,
				RuleEngine.Verdict v) {
			long until = v.action == Action.PROTECTIVE_FREEZE ? Long.MAX_VALUE
					: v.action == Action.DELAY ? time + v.holdSeconds : Long.MIN_VALUE;
			if (level == 1) {
				payments.put(id, new long[] { amountFen, until });
			}
			else if (level == 2 && until != Long.MIN_VALUE) {
				long[] p = payments.get(victimTransferId);
				if (p != null) {
					long[] q = Arrays.copyOf(p, p.length + 2);
					q[p.length] = amountFen;
					q[p.length + 1] = until;
					payments.put(victimTransferId, q);
				}
			}
			if (level == 0 && !world.isMule(from) && (to < 0 || !world.isMule(to))) {
				legit++;
				if (until != Long.MIN_VALUE) {
					legitHeld++;
				}
			}
		}

		/** What of the payment was still held when the report came. */
		long heldAt(long payment, long report) {
			long[] p = payments.get(payment);
			if (p == null) {
				return 0;
			}
			if (p[1] > report) {
				return p[0];
			}
			long held = 0;
			for (int i = 2; i < p.length; i += 2) {
				if (p[i + 1] > report) {
					held += p[i];
				}
			}
			return Math.min(held, p[0]);
		}

		double legitDelayedPer10k() {
			return legit == 0 ? 0 : legitHeld * 10_000.0 / legit;
		}

	}

	/**
	 * Whether the money in the account is stopped at this time: a stop in force, or a new
	 * one within the limit.
	 */
	private static boolean stop(StopRegistry registry, String account, long time) {
		if (registry.frozen(account) || registry.stoppedAt(account, time)) {
			return true;
		}
		if (registry.stopsSoFar(account) >= StopRegistry.MAX_STOPS) {
			return false;
		}
		registry.recordStop(account, time);
		return true;
	}

	static Report summarise(SimConfig config, long transfers, List<CaseOutcome> outcomes, double legitDelayedPer10k) {
		Share total = new Share(0, 0, 0, 0, 0, 0);
		Map<FraudType, Share> byType = new EnumMap<>(FraudType.class);
		Map<String, Share> byDelay = new LinkedHashMap<>();
		for (String d : DELAYS) {
			byDelay.put(d, new Share(0, 0, 0, 0, 0, 0));
		}
		long[] micros = new long[outcomes.size()];
		int i = 0;
		for (CaseOutcome c : outcomes) {
			total = total.plus(c);
			byType.merge(c.type(), new Share(0, 0, 0, 0, 0, 0).plus(c), Share::plus);
			String d = c.reportDelaySeconds() < 3_600 ? DELAYS[0] : c.reportDelaySeconds() < 6 * 3_600 ? DELAYS[1]
					: c.reportDelaySeconds() < 24 * 3_600 ? DELAYS[2] : DELAYS[3];
			byDelay.put(d, byDelay.get(d).plus(c));
			micros[i++] = c.engineNanos() / 1_000;
		}
		Arrays.sort(micros);
		long p50 = micros.length == 0 ? 0 : micros[micros.length / 2];
		long p99 = micros.length == 0 ? 0
				: micros[Math.min(micros.length - 1, (int) Math.ceil(micros.length * 0.99) - 1)];
		long max = micros.length == 0 ? 0 : micros[micros.length - 1];
		return new Report(config.preset(), config.seed(), transfers, total, byType, byDelay, p50, p99, max,
				legitDelayedPer10k, outcomes);
	}

	/** For tests: the instructions Fanzha would issue for the first case. */
	static List<StopInstruction> firstPlan(TransferGraph g, CaseReport c) {
		int[] seeds = Arrays.stream(c.reportedTransfers()).mapToInt(t -> g.transferIndex("T" + t)).toArray();
		TraceResult now = Trace.run(g,
				new TraceRequest(seeds, new int[seeds.length], c.reportTime(), Policy.FIFO, 8, 0, 30L * 86_400));
		return StopPaymentPlanner.plan(g, now, AccountInfo.NONE, new StopRegistry(), c.reportTime(), 1).instructions();
	}

}
