package org.fanzha.sim.evaluate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fanzha.engine.graph.TransferGraph;
import org.fanzha.engine.stop.AccountInfo;
import org.fanzha.engine.stop.StopInstruction;
import org.fanzha.engine.stop.StopPaymentPlanner;
import org.fanzha.engine.stop.StopRegistry;
import org.fanzha.engine.trace.Policy;
import org.fanzha.engine.trace.Trace;
import org.fanzha.engine.trace.TraceRequest;
import org.fanzha.engine.trace.TraceResult;
import org.fanzha.sim.world.CaseReport;
import org.fanzha.sim.world.FraudType;
import org.fanzha.sim.world.SimConfig;
import org.fanzha.sim.world.Simulator;
import org.fanzha.sim.world.World;

/**
 * How much of the victims' money each practice would have stopped, case by case, in a simulated province.
 *
 * <p>For every reported case, at its report time: (A) <b>first-level only</b> — the accounts the victim
 * paid are stopped 30 minutes after the report (entering them by hand, today's practice); (B) <b>Fanzha</b> —
 * the victim's payments are traced (FIFO) at report time and every account holding traced money is stopped
 * when the bank executes the instruction ({@code bankLatency} later); money that moves before that is
 * followed by the live trace, so what is stopped is the traced money held at execution time. Money held in a
 * stopped account counts as stopped: the world moves it on regardless, but the bank would have refused. Both
 * practices obey the 48-hour stop and the two-stops-per-account rule across cases (a stop in force covers later
 * money into the account). Shares are of the money the victims paid.
 */
public final class RecoveryEvaluation {

	public static final long FIRST_LEVEL_DELAY = 30 * 60;

	public record CaseOutcome(long caseId, FraudType type, long reportDelaySeconds, long lossFen, long stoppedA,
			long stoppedB, long engineNanos, int instructions) {
	}

	public record Share(long cases, long lossFen, long stoppedA, long stoppedB) {

		public double shareA() {
			return lossFen == 0 ? 0 : stoppedA / (double) lossFen;
		}

		public double shareB() {
			return lossFen == 0 ? 0 : stoppedB / (double) lossFen;
		}

		Share plus(CaseOutcome c) {
			return new Share(cases + 1, lossFen + c.lossFen(), stoppedA + c.stoppedA(), stoppedB + c.stoppedB());
		}
	}

	public record Report(String preset, long seed, long transfers, Share total, Map<FraudType, Share> byType,
			Map<String, Share> byDelay, long engineP50Micros, long engineP99Micros, long engineMaxMicros,
			List<CaseOutcome> cases) {

		public double ratio() {
			return total.stoppedA() == 0 ? Double.POSITIVE_INFINITY : total.stoppedB() / (double) total.stoppedA();
		}
	}

	static final String[] DELAYS = { "< 1 h", "1-6 h", "6-24 h", ">= 24 h" };

	private RecoveryEvaluation() {
	}

	public static Report run(SimConfig config, long bankLatencySeconds) {
		World world = new World(config);
		GraphSink sink = new GraphSink();
		new Simulator(world).run(sink);
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
			outcomes.add(new CaseOutcome(c.caseId(), c.type(), report - lastPayment, loss, Math.min(stoppedA, loss),
					Math.min(stoppedB, loss), engine, plan.instructions().size()));
		}
		return summarise(config, g.transfers(), outcomes);
	}

	/** Whether the money in the account is stopped at this time: a stop in force, or a new one within the limit. */
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

	static Report summarise(SimConfig config, long transfers, List<CaseOutcome> outcomes) {
		Share total = new Share(0, 0, 0, 0);
		Map<FraudType, Share> byType = new EnumMap<>(FraudType.class);
		Map<String, Share> byDelay = new LinkedHashMap<>();
		for (String d : DELAYS) {
			byDelay.put(d, new Share(0, 0, 0, 0));
		}
		long[] micros = new long[outcomes.size()];
		int i = 0;
		for (CaseOutcome c : outcomes) {
			total = total.plus(c);
			byType.merge(c.type(), new Share(0, 0, 0, 0).plus(c), (a, b) -> new Share(a.cases() + b.cases(),
					a.lossFen() + b.lossFen(), a.stoppedA() + b.stoppedA(), a.stoppedB() + b.stoppedB()));
			String d = c.reportDelaySeconds() < 3_600 ? DELAYS[0] : c.reportDelaySeconds() < 6 * 3_600 ? DELAYS[1]
					: c.reportDelaySeconds() < 24 * 3_600 ? DELAYS[2] : DELAYS[3];
			byDelay.put(d, byDelay.get(d).plus(c));
			micros[i++] = c.engineNanos() / 1_000;
		}
		Arrays.sort(micros);
		long p50 = micros.length == 0 ? 0 : micros[micros.length / 2];
		long p99 = micros.length == 0 ? 0 : micros[Math.min(micros.length - 1, (int) Math.ceil(micros.length * 0.99) - 1)];
		long max = micros.length == 0 ? 0 : micros[micros.length - 1];
		return new Report(config.preset(), config.seed(), transfers, total, byType, byDelay, p50, p99, max, outcomes);
	}

	/** For tests: the instructions Fanzha would issue for the first case. */
	static List<StopInstruction> firstPlan(TransferGraph g, CaseReport c) {
		int[] seeds = Arrays.stream(c.reportedTransfers()).mapToInt(t -> g.transferIndex("T" + t)).toArray();
		TraceResult now = Trace.run(g, new TraceRequest(seeds, new int[seeds.length], c.reportTime(), Policy.FIFO, 8, 0,
				30L * 86_400));
		return StopPaymentPlanner.plan(g, now, AccountInfo.NONE, new StopRegistry(), c.reportTime(), 1).instructions();
	}
}
