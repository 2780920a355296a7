package org.fanzha.sim.evaluate;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fanzha.engine.telecom.AgentScores;
import org.fanzha.engine.telecom.SimMeasure;
import org.fanzha.engine.telecom.SimMonitor;
import org.fanzha.engine.telecom.SimRuleSet;
import org.fanzha.sim.world.CaseReport;
import org.fanzha.sim.world.Gangs;
import org.fanzha.sim.world.Population;
import org.fanzha.sim.world.SimConfig;
import org.fanzha.sim.world.TransferChannel;
import org.fanzha.sim.world.World;

/**
 * The abnormal-SIM monitor run over a simulated province's calls and texts, in time
 * order, against the ground truth (the gangs' SIMs, {@code truth/fraud_sims.csv}). Only
 * what an operator could know feeds the monitor: every SIM's activation date (the
 * real-name register), the call and text records (caller, callee, time, duration,
 * answered, cell, handset), the callee's number region (the holder's home county), and
 * the numbers victims name in their reports, confirmed at report time as the platform
 * would.
 *
 * <p>
 * A SIM counts as <b>flagged</b> when a measure at least {@code RESTRICT_OUTGOING} is put
 * on it (outgoing calls stopped): re-verification alone does not stop a SIM, and an
 * ordinary holder clears it in minutes. The world's people react as assumed here: an
 * ordinary holder asked to re-verify does so within an hour ({@link #REVERIFY_DELAY}); a
 * fraud SIM's real-name holder (a card seller) never does, so its re-verification runs
 * out after 24 hours and the SIM is restricted at its next call. Figures:
 * <ul>
 * <li>precision, recall, F1 of flagged SIMs against the fraud SIMs that called or texted
 * in the window, and the recall among the busy ones ({@link #BUSY} calls and texts or
 * more: a fraud SIM used once or twice a day looks like anyone's);</li>
 * <li>median minutes from a fraud SIM's first call or text to its restriction;</li>
 * <li>ordinary SIMs restricted, and asked to re-verify, per 100,000 ordinary SIMs;</li>
 * <li>SIM-box recall: SIM-box SIMs (source SIM_BOX) marked as a SIM box, and the
 * precision of that mark;</li>
 * <li>share of the fraud SIMs' calls and texts made after their restriction (would have
 * been blocked);</li>
 * <li>agents listed by {@link AgentScores} from the flagged SIMs, and how many of them
 * sold the gangs' SIMs;</li>
 * <li>per rule, the fraud and ordinary SIMs it acted on.</li>
 * </ul>
 */
public final class TelecomEvaluation {

	/** How long an ordinary holder takes to re-verify when asked (assumption). */
	public static final long REVERIFY_DELAY = 3_600;

	/**
	 * A fraud SIM with at least this many calls and texts in the window counts as busy.
	 */
	public static final int BUSY = 10;

	/** Fraud and ordinary SIMs a rule acted on. */
	public record RuleCount(int fraud, int normal) {
	}

	public record Report(String preset, long seed, boolean evasive, long calls, long texts, int normalSims,
			int fraudSims, int activeFraudSims, int activeSimBoxSims, int flagged, int truePositives, double precision,
			double recall, double f1, int busyFraudSims, double busyRecall, double medianMinutesToRestriction,
			int normalRestricted, double normalRestrictedPer100k, int normalReverified, double normalReverifiedPer100k,
			int simBoxMarked, int simBoxMarkedTrue, double simBoxRecall, double simBoxPrecision,
			double fraudEventsBlockedShare, int agentsListed, int agentsListedComplicit, int complicitAgents,
			int rulesVersion, Map<String, RuleCount> byRule) {
	}

	private TelecomEvaluation() {
	}

	public static Report run(SimConfig config) {
		return run(config, SimRuleSet.parse(SimMonitor.DEFAULT_RULES));
	}

	public static Report run(SimConfig config, SimRuleSet rules) {
		World world = new World(config);
		Replay replay = new Replay(world, rules);
		PlatformLoop.simulate(world, replay);
		return replay.report();
	}

	/**
	 * The province's calls, texts and reports, held back an hour at a time and replayed
	 * merged in time order.
	 */
	private static final class Replay extends HourlyReplay {

		private final World world;

		private final SimMonitor monitor;

		private final int normal;

		private final int fraud;

		private final long[] firstEvent;

		private final int[] events;

		private final long[] restrictedAt;

		private final boolean[] reverifyAsked;

		private final boolean[] simBoxMarked;

		private final long[] acted;

		private long calls;

		private long texts;

		private long fraudEvents;

		private long fraudEventsBlocked;

		// re-verifications due: (time, phone), in time order
		private long[] dueTime = new long[64];

		private long[] duePhone = new long[64];

		private int dueHead;

		private int dueTail;

		Replay(World world, SimRuleSet rules) {
			super(SimRegister.of(world));
			this.world = world;
			normal = register.ordinary();
			fraud = register.size() - normal;
			monitor = new SimMonitor(rules, register.size() + 1_024);
			register.activateAll(monitor);
			firstEvent = new long[register.size()];
			events = new int[register.size()];
			restrictedAt = new long[register.size()];
			Arrays.fill(firstEvent, NONE);
			Arrays.fill(restrictedAt, NONE);
			reverifyAsked = new boolean[register.size()];
			simBoxMarked = new boolean[register.size()];
			acted = new long[register.size()];
		}

		@Override
		public void transfer(long id, long time, int from, int to, long amountFen, TransferChannel channel,
				int county) {
		}

		/**
		 * The held hour in time order: reports first at equal times (a report names what
		 * already happened).
		 */
		@Override
		void replay() {
			inTimeOrder(this::report, this::event);
		}

		private void report(CaseReport report) {
			dueBefore(report.reportTime());
			for (long phone : report.suspectPhones()) {
				observe(register.indexOf(phone), monitor.confirm(phone, report.reportTime()), report.reportTime());
			}
		}

		private void event(int i) {
			long t = held.time(i);
			dueBefore(t);
			int s = register.indexOf(held.from(i));
			if (s >= normal) {
				if (firstEvent[s] == NONE) {
					firstEvent[s] = t;
				}
				fraudEvents++;
				events[s]++;
				if (restrictedAt[s] != NONE) {
					fraudEventsBlocked++;
				}
			}
			SimMonitor.Verdict v;
			if (held.isText(i)) {
				texts++;
				v = monitor.sms(held.from(i), held.to(i), t, held.cell(i), held.imei(i), held.toRegion(i));
			}
			else {
				calls++;
				v = monitor.call(held.from(i), held.to(i), t, held.duration(i), held.answered(i), held.cell(i),
						held.imei(i), held.toRegion(i));
			}
			observe(s, v, t);
		}

		private void observe(int s, SimMonitor.Verdict v, long t) {
			if (s < 0) {
				return;
			}
			acted[s] |= v.acted;
			if (v.measure.restricts() && restrictedAt[s] == NONE) {
				restrictedAt[s] = t;
			}
			if (v.simBox) {
				simBoxMarked[s] = true;
			}
			if (v.escalated && v.measure == SimMeasure.RE_VERIFY && s < normal) {
				reverifyAsked[s] = true;
				due(t + REVERIFY_DELAY, v.phone);
			}
		}

		private void due(long t, long phone) {
			if (dueTail == dueTime.length) {
				dueTime = Arrays.copyOf(dueTime, dueTail * 2);
				duePhone = Arrays.copyOf(duePhone, dueTail * 2);
			}
			dueTime[dueTail] = t;
			duePhone[dueTail++] = phone;
		}

		/**
		 * Ordinary holders who were asked to re-verify do so ({@link #REVERIFY_DELAY}
		 * later).
		 */
		private void dueBefore(long t) {
			while (dueHead < dueTail && dueTime[dueHead] <= t) {
				if (monitor.measureOf(duePhone[dueHead]) == SimMeasure.RE_VERIFY) {
					monitor.reverified(duePhone[dueHead], dueTime[dueHead]);
				}
				dueHead++;
			}
		}

		Report report() {
			Gangs gangs = world.gangs;
			Population pop = world.population;
			int active = 0;
			int activeBox = 0;
			int tp = 0;
			int busy = 0;
			int busyFound = 0;
			int boxFound = 0;
			int marked = 0;
			int markedTrue = 0;
			long[] minutes = new long[fraud];
			int m = 0;
			AgentScores agents = new AgentScores();
			boolean[] complicit = new boolean[pop.counties() * Population.AGENTS_PER_COUNTY];
			for (int s = 0; s < normal; s++) {
				agents.sold(pop.agentId(pop.simAgent(s)), 1);
			}
			for (int k = 0; k < fraud; k++) {
				int s = normal + k;
				agents.sold(pop.agentId(gangs.fraudAgent(k)), 1);
				complicit[gangs.fraudAgent(k)] = true;
				boolean box = gangs.fraudSource(k) == Gangs.SimSource.SIM_BOX;
				if (simBoxMarked[s]) {
					marked++;
					markedTrue += box ? 1 : 0;
				}
				if (restrictedAt[s] != NONE) {
					agents.fraud(pop.agentId(gangs.fraudAgent(k)));
				}
				if (firstEvent[s] == NONE) {
					continue;
				}
				active++;
				activeBox += box ? 1 : 0;
				if (events[s] >= BUSY) {
					busy++;
					busyFound += restrictedAt[s] != NONE ? 1 : 0;
				}
				boxFound += box && simBoxMarked[s] ? 1 : 0;
				if (restrictedAt[s] != NONE) {
					tp++;
					minutes[m++] = Math.max(0, restrictedAt[s] - firstEvent[s]) / 60;
				}
			}
			int normalRestricted = 0;
			int normalReverified = 0;
			for (int s = 0; s < normal; s++) {
				if (restrictedAt[s] != NONE) {
					normalRestricted++;
					agents.fraud(pop.agentId(pop.simAgent(s)));
				}
				normalReverified += reverifyAsked[s] ? 1 : 0;
				if (simBoxMarked[s]) {
					marked++;
				}
			}
			Arrays.sort(minutes, 0, m);
			int flagged = tp + normalRestricted;
			double precision = flagged == 0 ? 0 : tp / (double) flagged;
			double recall = active == 0 ? 0 : tp / (double) active;
			double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
			int listed = 0;
			int listedComplicit = 0;
			for (AgentScores.Score a : agents.listed()) {
				listed++;
				listedComplicit += complicit[agentIndex(pop, a.agentId())] ? 1 : 0;
			}
			int complicitAgents = 0;
			for (boolean c : complicit) {
				complicitAgents += c ? 1 : 0;
			}
			Map<String, RuleCount> byRule = new LinkedHashMap<>();
			List<SimRuleSet.Rule> rules = monitor.rules().rules();
			for (int r = 0; r < rules.size(); r++) {
				int f = 0;
				int o = 0;
				for (int s = 0; s < normal + fraud; s++) {
					if ((acted[s] & 1L << r) != 0) {
						if (s >= normal) {
							f++;
						}
						else {
							o++;
						}
					}
				}
				byRule.put(rules.get(r).id(), new RuleCount(f, o));
			}
			SimConfig c = world.config;
			return new Report(c.preset(), c.seed(), c.evasive(), calls, texts, normal, fraud, active, activeBox,
					flagged, tp, precision, recall, f1, busy, busy == 0 ? 0 : busyFound / (double) busy,
					m == 0 ? -1 : median(minutes, m), normalRestricted, normalRestricted * 100_000.0 / normal,
					normalReverified, normalReverified * 100_000.0 / normal, marked, markedTrue,
					activeBox == 0 ? 0 : boxFound / (double) activeBox, marked == 0 ? 0 : markedTrue / (double) marked,
					fraudEvents == 0 ? 0 : fraudEventsBlocked / (double) fraudEvents, listed, listedComplicit,
					complicitAgents, monitor.rules().version(), byRule);
		}

		private static double median(long[] sorted, int m) {
			return m % 2 == 1 ? sorted[m / 2] : (sorted[m / 2 - 1] + sorted[m / 2]) / 2.0;
		}

		private static int agentIndex(Population pop, String id) {
			for (int g = 0; g < pop.counties() * Population.AGENTS_PER_COUNTY; g++) {
				if (pop.agentId(g).equals(id)) {
					return g;
				}
			}
			throw new IllegalStateException("unknown agent " + id);
		}

	}

}
