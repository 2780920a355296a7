package org.fanzha.stream;

import org.fanzha.engine.telecom.SimMeasure;
import org.fanzha.engine.telecom.SimMonitor;
import org.fanzha.engine.telecom.SimRuleSet;

/**
 * The SIM stage's logic without Flink: one phone's calls and texts applied to that
 * phone's state (two arrays the caller keeps: the job in keyed state,
 * {@link SimReference#split} in a map) through the engine's own {@link SimMonitor}
 * ({@link SimMonitor#single}: load the state, book the record, decide, store it back), so
 * that the job decides with the same code as the server's in-process monitor. Returns the
 * {@code measures} message when this record first restricts (or suspends) the phone:
 * measures only rise on calls and texts, so "the measure before did not restrict, the one
 * after does" happens once per phone.
 */
public final class SimLogic {

	private final SimMonitor monitor = SimMonitor.single(SimRuleSet.parse(SimMonitor.DEFAULT_RULES),
			SimMonitor.Settings.DEFAULTS);

	public static int[] newInts() {
		return new int[SimMonitor.SIM_INTS];
	}

	public static long[] newLongs() {
		return new long[SimMonitor.SIM_LONGS];
	}

	/**
	 * Applies {@code c} (its caller's record) to the caller's state
	 * {@code ints}/{@code longs} ({@code fresh}: never seen, the arrays are overwritten)
	 * and returns the measure message, or null.
	 */
	public String apply(Call c, boolean fresh, int[] ints, long[] longs) {
		monitor.load(c.caller, fresh ? null : ints, fresh ? null : longs);
		boolean restrictedBefore = monitor.measureOf(c.caller).restricts();
		SimMonitor.Verdict v = c.call ? monitor.call(c.caller, c.callee, c.time, c.durationSeconds, c.answered, c.cell,
				c.imei, c.calleeRegion) : monitor.sms(c.caller, c.callee, c.time, c.cell, c.imei, c.calleeRegion);
		SimMeasure after = v.measure;
		monitor.store(ints, longs);
		if (restrictedBefore || !after.restricts()) {
			return null;
		}
		return Messages.measureJson(c.operator, monitor.decision(c.caller));
	}

}
