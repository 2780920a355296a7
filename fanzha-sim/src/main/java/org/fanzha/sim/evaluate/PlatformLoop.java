package org.fanzha.sim.evaluate;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.fanzha.engine.monitor.Action;
import org.fanzha.engine.monitor.RuleEngine;
import org.fanzha.engine.monitor.RuleSet;
import org.fanzha.engine.monitor.TransferMonitor;
import org.fanzha.engine.telecom.LongIndex;
import org.fanzha.engine.telecom.SimMonitor;
import org.fanzha.engine.telecom.SimRuleSet;
import org.fanzha.sim.world.CaseReport;
import org.fanzha.sim.world.Countermeasures;
import org.fanzha.sim.world.EventSink;
import org.fanzha.sim.world.Simulator;
import org.fanzha.sim.world.TransferChannel;
import org.fanzha.sim.world.World;

/**
 * Closes the loop between the platform and a reacting world: the shipped engines run over
 * the world as it is generated, and what they decide is what the gangs can find out
 * ({@link Countermeasures}).
 *
 * <p>
 * Decisions, each from the platform's own inputs only (never the ground truth): the
 * transfer monitor (default rules, {@link MonitoredProvince}) delays or freezes
 * transfers, and an account counts as stopped from its first hold (into or out of it) or
 * when a report names a payment into it; the SIM monitor (shipped rules, every call and
 * text, reports confirming the numbers they name) restricts numbers, and the SIMs of a
 * box found with them. Case linking is approximated by what the linker merges on first: a
 * case counts as linked when it names an app, website, chat group, number or payee
 * account that an earlier report named (the full {@code CaseLinker} with its guard runs
 * in {@link LinkingEvaluation}; this is the cheaper signal a gang would notice: police
 * asking about its app).
 *
 * <p>
 * The world is told each hour is over ({@link EventSink#hourEnd}) and the engines decide
 * that hour before the next is generated, so a gang reacts only to decisions already
 * made. A static world does not run the loop.
 */
public final class PlatformLoop implements EventSink, Countermeasures {

	private final MonitoredProvince transfers;

	private final SimSide sims;

	private final long[] stoppedAt;

	private final long[] smallestHeld;

	private final LongIndex restrictedIndex;

	private long[] restrictedAt = new long[1_024];

	private final Map<String, Long> namedBy = new HashMap<>();

	private final Map<Long, Long> linkedAt = new HashMap<>();

	private PlatformLoop(World world) {
		int accounts = world.population.accounts();
		stoppedAt = new long[accounts];
		smallestHeld = new long[accounts];
		Arrays.fill(stoppedAt, NEVER);
		Arrays.fill(smallestHeld, NEVER);
		Arrays.fill(restrictedAt, NEVER);
		restrictedIndex = new LongIndex(1_024);
		TransferMonitor monitor = new TransferMonitor(RuleSet.parse(TransferMonitor.DEFAULT_RULES), accounts, null);
		transfers = new MonitoredProvince(world, monitor, new MonitoredProvince.Observer() {

			@Override
			public void decided(long id, long time, int from, int to, long amountFen, int level, long victimTransferId,
					RuleEngine.Verdict v) {
				if (v.action == Action.DELAY || v.action == Action.PROTECTIVE_FREEZE) {
					stop(from, time, amountFen);
					stop(to, time, amountFen);
				}
			}

			@Override
			public void reported(CaseReport report) {
				PlatformLoop.this.reported(report);
			}
		});
		sims = new SimSide(world);
	}

	/**
	 * Runs the world into {@code sink}: a static world on its own, a reacting one with
	 * the platform's decisions fed back ({@code sink} sees every event before the loop
	 * does).
	 */
	public static void simulate(World world, EventSink sink) {
		if (!world.config.reactions().on()) {
			new Simulator(world).run(sink);
			return;
		}
		PlatformLoop loop = new PlatformLoop(world);
		new Simulator(world, loop).run(EventSink.tee(sink, loop));
	}

	private void stop(int account, long time, long amountFen) {
		if (account < 0) {
			return;
		}
		stoppedAt[account] = Math.min(stoppedAt[account], time);
		smallestHeld[account] = Math.min(smallestHeld[account], amountFen);
	}

	private void restricted(long phone, long time) {
		int i = restrictedIndex.getOrAdd(phone);
		if (i >= restrictedAt.length) {
			int n = restrictedAt.length;
			restrictedAt = Arrays.copyOf(restrictedAt, Math.max(i + 1, n * 2));
			Arrays.fill(restrictedAt, n, restrictedAt.length, NEVER);
		}
		restrictedAt[i] = Math.min(restrictedAt[i], time);
	}

	private void reported(CaseReport report) {
		long t = report.reportTime();
		for (long transfer : report.reportedTransfers()) {
			int payee = transfers.payeeOf(transfer);
			stop(payee, t, NEVER);
			link(report, "A" + payee, t);
		}
		for (long phone : report.suspectPhones()) {
			link(report, "P" + phone, t);
		}
		if (report.suspectAppOrUrl() != null) {
			link(report, "W" + report.suspectAppOrUrl(), t);
		}
		if (report.suspectIm() != null) {
			link(report, "I" + report.suspectIm(), t);
		}
	}

	/** The case and the earlier case that named the same identifier are linked now. */
	private void link(CaseReport report, String identifier, long t) {
		Long earlier = namedBy.putIfAbsent(identifier, report.caseId());
		if (earlier != null && earlier != report.caseId()) {
			linkedAt.putIfAbsent(earlier, t);
			linkedAt.putIfAbsent(report.caseId(), t);
		}
	}

	@Override
	public long restrictedAt(long phone) {
		int i = restrictedIndex.get(phone);
		return i < 0 ? NEVER : restrictedAt[i];
	}

	@Override
	public long stoppedAt(int account) {
		return stoppedAt[account];
	}

	@Override
	public long smallestHeldFen(int account) {
		return smallestHeld[account];
	}

	@Override
	public long linkedAt(long caseId) {
		return linkedAt.getOrDefault(caseId, NEVER);
	}

	// ---------------------------------------------------------------- the world's events
	// to both engines

	@Override
	public void begin(World world) {
		transfers.begin(world);
	}

	@Override
	public void transfer(long id, long time, int from, int to, long amountFen, TransferChannel channel, int county) {
		transfers.transfer(id, time, from, to, amountFen, channel, county);
	}

	@Override
	public void laundering(long transferId, long chainId, int gang, int level, long victimTransferId) {
		transfers.laundering(transferId, chainId, gang, level, victimTransferId);
	}

	@Override
	public void call(long id, long time, long caller, long callee, int durationSeconds, boolean answered, int county,
			long imei) {
		transfers.call(id, time, caller, callee, durationSeconds, answered, county, imei);
		sims.call(id, time, caller, callee, durationSeconds, answered, county, imei);
	}

	@Override
	public void sms(long id, long time, long sender, long receiver, int county) {
		transfers.sms(id, time, sender, receiver, county);
		sims.sms(id, time, sender, receiver, county);
	}

	@Override
	public void caseReport(CaseReport report) {
		transfers.caseReport(report);
		sims.caseReport(report);
	}

	@Override
	public void hourEnd(long time) {
		transfers.flush();
		sims.replay();
	}

	@Override
	public void end(World world) {
		transfers.end(world);
		sims.end(world);
	}

	/**
	 * The SIM monitor over the calls and texts, an hour at a time in time order; reports
	 * confirm numbers first.
	 */
	private final class SimSide extends HourlyReplay {

		private final SimMonitor monitor;

		SimSide(World world) {
			super(SimRegister.of(world));
			monitor = new SimMonitor(SimRuleSet.parse(SimMonitor.DEFAULT_RULES), register.size() + 1_024);
			register.activateAll(monitor);
		}

		@Override
		public void transfer(long id, long time, int from, int to, long amountFen, TransferChannel channel,
				int county) {
		}

		@Override
		void replay() {
			inTimeOrder(this::confirm, this::record);
		}

		private void record(int i) {
			long t = held.time(i);
			observe(held.isText(i)
					? monitor.sms(held.from(i), held.to(i), t, held.cell(i), held.imei(i), held.toRegion(i))
					: monitor.call(held.from(i), held.to(i), t, held.duration(i), held.answered(i), held.cell(i),
							held.imei(i), held.toRegion(i)),
					t);
		}

		private void confirm(CaseReport report) {
			for (long phone : report.suspectPhones()) {
				observe(monitor.confirm(phone, report.reportTime()), report.reportTime());
			}
		}

		private void observe(SimMonitor.Verdict v, long t) {
			if (v.measure.restricts()) {
				restricted(v.phone, t);
			}
			for (int k = 0; k < v.others; k++) {
				// a SIM box's cards are put under the box rule's measure with it
				if (monitor.measureOf(v.other(k)).restricts()) {
					restricted(v.other(k), t);
				}
			}
		}

	}

}
