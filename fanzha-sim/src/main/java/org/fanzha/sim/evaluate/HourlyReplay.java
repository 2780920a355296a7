package org.fanzha.sim.evaluate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import org.fanzha.engine.telecom.SimMonitor;
import org.fanzha.sim.world.CaseReport;
import org.fanzha.sim.world.EventSink;
import org.fanzha.sim.world.World;

/**
 * An event sink that holds the province's calls, texts and reports back an hour at a time
 * (the simulator emits an hour's events grouped by kind, not in time order) and has the
 * subclass replay each hour merged in time order, as an operator and a centre would have
 * seen them. The callee's number region comes from the SIM register.
 */
abstract class HourlyReplay implements EventSink {

	static final long NONE = Long.MIN_VALUE;

	/** The SIMs by the register's index: ordinary SIMs first, then the fraud SIMs. */
	final SimRegister register;

	/** The hour held back. */
	final CallLog held = new CallLog();

	final List<CaseReport> reports = new ArrayList<>();

	private long hour = NONE;

	HourlyReplay(SimRegister register) {
		this.register = register;
	}

	@Override
	public void call(long id, long t, long caller, long callee, int durationSeconds, boolean answered, int county,
			long handset) {
		enter(t);
		held.call(t, caller, callee, durationSeconds, answered, county, handset, register.regionOf(callee));
	}

	@Override
	public void sms(long id, long t, long sender, long receiver, int county) {
		enter(t);
		held.text(t, sender, receiver, county, SimMonitor.UNKNOWN, register.regionOf(receiver));
	}

	@Override
	public void caseReport(CaseReport report) {
		enter(report.reportTime());
		reports.add(report);
	}

	@Override
	public void end(World w) {
		replay();
	}

	/** Replays the hour held so far when {@code t} falls in a later hour. */
	final void enter(long t) {
		long h = Math.floorDiv(t, 3_600);
		if (h != hour) {
			replay();
			hour = h;
		}
	}

	/**
	 * Replays the held hour in time order, then clears {@link #held} and
	 * {@link #reports}.
	 */
	abstract void replay();

	/**
	 * The held hour in time order, each report before the records at or after its time (a
	 * report names what already happened), then cleared: the usual body of
	 * {@link #replay()}.
	 */
	final void inTimeOrder(Consumer<CaseReport> report, IntConsumer record) {
		held.sortByTime();
		reports.sort((x, y) -> Long.compare(x.reportTime(), y.reportTime()));
		int r = 0;
		for (int i = 0; i < held.size(); i++) {
			while (r < reports.size() && reports.get(r).reportTime() <= held.time(i)) {
				report.accept(reports.get(r++));
			}
			record.accept(i);
		}
		while (r < reports.size()) {
			report.accept(reports.get(r++));
		}
		held.clear();
		reports.clear();
	}

}
