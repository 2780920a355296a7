package org.fanzha.bench;

import org.fanzha.engine.telecom.SimMonitor;
import org.fanzha.sim.evaluate.CallLog;
import org.fanzha.sim.evaluate.SimRegister;
import org.fanzha.sim.world.EventSink;
import org.fanzha.sim.world.SimConfig;
import org.fanzha.sim.world.Simulator;
import org.fanzha.sim.world.TransferChannel;
import org.fanzha.sim.world.World;

/**
 * A simulated world's call records held in a {@link CallLog} (caller, callee, time,
 * duration, answered, cell, handset and the callee's number region), with the SIMs'
 * real-name register ({@link SimRegister}: activation times), so that the abnormal-SIM
 * monitor can be timed on its own: the input of {@link SimMonitorBenchmark}.
 */
public final class RecordedCalls implements EventSink {

	public final CallLog calls = new CallLog();

	public SimRegister register;

	/**
	 * Records the calls of the {@code small} world (seed 42) resized to this many persons
	 * and days.
	 */
	public RecordedCalls(int persons, int days) {
		new Simulator(new World(SimConfig.preset("small", 42).withSize(persons, days))).run(this);
	}

	@Override
	public void begin(World world) {
		register = SimRegister.of(world);
	}

	@Override
	public void transfer(long id, long t, int from, int to, long amountFen, TransferChannel channel, int county) {
	}

	@Override
	public void call(long id, long t, long caller, long callee, int d, boolean answered, int county, long imei) {
		calls.call(t, caller, callee, d, answered, county, imei, register.regionOf(callee));
	}

	@Override
	public void sms(long id, long t, long sender, long receiver, int county) {
	}

	/**
	 * A monitor with the default rules that knows every SIM's activation, as at the start
	 * of a day's traffic.
	 */
	public SimMonitor freshMonitor() {
		SimMonitor m = SimMonitor.withDefaultRules(register.size());
		register.activateAll(m);
		return m;
	}

	/**
	 * Every call through the monitor in time order; returns the rules that acted, summed
	 * (so the work is kept).
	 */
	public long replay(SimMonitor m) {
		final CallLog log = calls;
		final int n = log.size();
		long acted = 0;
		for (int i = 0; i < n; i++) {
			SimMonitor.Verdict v = m.call(log.from(i), log.to(i), log.time(i), log.duration(i), log.answered(i),
					log.cell(i), log.imei(i), log.toRegion(i));
			acted += v.acted;
		}
		return acted;
	}

}
