package org.fanzha.stream;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.fanzha.engine.telecom.SimMonitor;
import org.fanzha.sim.world.EventSink;
import org.fanzha.sim.world.SimConfig;
import org.fanzha.sim.world.Simulator;
import org.fanzha.sim.world.TransferChannel;
import org.fanzha.sim.world.World;

/**
 * A simulated world's transfers and victims' reports as topic messages, the input of the
 * equivalence tests and the bench. Accounts are {@code A<index>}, transfer ids
 * {@code T<9 digits>} in emission order (so that the id order the job breaks ties with is
 * the simulator's order), banks {@code B<account mod 4>}. Each victim's payment (a
 * level-1 laundering transfer) is reported {@link #REPORT_LAG} later naming that
 * transfer, as the monitor bench does (MonitorBench.Reports).
 */
public final class SimFeed implements EventSink {

	public static final long REPORT_LAG = 2 * 3_600;

	/**
	 * A report as fed: when, which transfer it names, and the payee that transfer paid
	 * (for the references).
	 */
	public record Report(String caseNumber, long reportedAt, String transferId, String account) {
	}

	/**
	 * Transfers and reports; {@code calls}: the world's calls and texts in emission
	 * (time) order.
	 */
	public record Feed(List<Transfer> transfers, List<Report> reports, List<Call> calls) {
	}

	private final List<Transfer> transfers = new ArrayList<>();

	private final List<Report> reports = new ArrayList<>();

	private final List<Call> calls = new ArrayList<>();

	private SimFeed() {
	}

	/** The feed of the small preset world of this size and seed. */
	public static Feed simulate(int persons, int days, long seed) {
		return simulate(SimConfig.preset("small", seed).withSize(persons, days));
	}

	/**
	 * A small world with more fraud than the preset's (for the tests: a few thousand
	 * transfers hold enough victims, reports and mule traffic for the rules to act).
	 */
	public static Feed simulateFraudulent(int persons, int days, long seed, double victimsPerMillionPerDay) {
		return simulate(SimConfig.preset("small", seed).withSize(persons, days).withFraud(3, victimsPerMillionPerDay));
	}

	/**
	 * As {@link #simulateFraudulent(int, int, long, double)} with this many gangs (about
	 * a third of gangs run a SIM box).
	 */
	public static Feed simulateFraudulent(int persons, int days, long seed, int gangs, double victimsPerMillionPerDay) {
		return simulate(
				SimConfig.preset("small", seed).withSize(persons, days).withFraud(gangs, victimsPerMillionPerDay));
	}

	private static Feed simulate(SimConfig config) {
		SimFeed sink = new SimFeed();
		new Simulator(new World(config)).run(sink);
		sink.reports.sort(Comparator.comparingLong(Report::reportedAt).thenComparing(Report::transferId));
		return new Feed(List.copyOf(sink.transfers), List.copyOf(sink.reports), List.copyOf(sink.calls));
	}

	public static String account(int index) {
		return "A" + index;
	}

	public static String transferId(long id) {
		return String.format("T%09d", id);
	}

	@Override
	public void transfer(long id, long time, int from, int to, long amountFen, TransferChannel channel, int county) {
		transfers.add(new Transfer("B" + (from & 3), transferId(id), account(from), to < 0 ? null : account(to),
				amountFen, time));
	}

	@Override
	public void laundering(long transferId, long chainId, int gang, int level, long victimTransferId) {
		Transfer t = transfers.get(transfers.size() - 1);
		if (level == 1 && !t.cash()) {
			reports.add(new Report("C" + chainId, t.time + REPORT_LAG, t.transferId, t.toAccount));
		}
	}

	/**
	 * Calls and texts as the server's simulated province books them
	 * ({@code LiveProvince}, {@code SimControl.observe}): the county as the cell, no
	 * callee region, texts without a handset.
	 */
	@Override
	public void call(long id, long time, long caller, long callee, int durationSeconds, boolean answered, int county,
			long imei) {
		calls.add(record(true, time, caller, callee, durationSeconds, answered, county, imei));
	}

	@Override
	public void sms(long id, long time, long sender, long receiver, int county) {
		calls.add(record(false, time, sender, receiver, 0, true, county, SimMonitor.UNKNOWN));
	}

	private static Call record(boolean call, long time, long caller, long callee, int durationSeconds, boolean answered,
			int county, long imei) {
		Call c = new Call();
		c.operator = "CHINA_MOBILE";
		c.call = call;
		c.caller = caller;
		c.callee = callee;
		c.time = time;
		c.durationSeconds = durationSeconds;
		c.answered = answered;
		c.cell = county;
		c.imei = imei;
		c.calleeRegion = SimMonitor.UNKNOWN;
		return c;
	}

}
