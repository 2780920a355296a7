package org.fanzha.stream;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fanzha.engine.telecom.SimMonitor;
import org.fanzha.engine.telecom.SimRuleSet;

/**
 * The {@code measures} a call feed should get, computed without Flink, in feed order:
 * {@link #inProcess} by the engine's {@link SimMonitor} over all numbers (as the server's
 * {@code SimControl} runs it), {@link #split} by the SIM stage's own per-phone logic
 * ({@link SimLogic}) with each phone's state apart. The job must equal {@link #split}
 * exactly; {@link #split} differs from {@link #inProcess} only for phones whose
 * in-process features carried a signal made of other numbers' state at some record of
 * theirs ({@link InProcess#crossKey}): a call-back, a handset shared with other SIMs, new
 * SIMs in the cell, contacts with confirmed numbers; and for the SIMs a SIM-box handset
 * takes down with it.
 */
public final class SimReference {

	/**
	 * Measures by phone; {@code crossKey}: phones that saw a signal the job does not have
	 * (see the class comment).
	 */
	public record InProcess(Map<String, String> measures, Set<String> crossKey) {
	}

	private SimReference() {
	}

	/**
	 * The engine's monitor of all numbers; a phone's message when it is first restricted
	 * (the SIM box's others too).
	 */
	public static InProcess inProcess(List<Call> calls) {
		SimMonitor m = SimMonitor.withDefaultRules(1 << 12);
		List<String> names = SimRuleSet.FEATURES;
		int calls24h = names.indexOf("sim.calls24h");
		int calledBack = names.indexOf("sim.calledBackShare24h");
		int deviceSims = names.indexOf("device.sims");
		int newSims = names.indexOf("cell.newSimsToday");
		int toConfirmed = names.indexOf("sim.contactsWithConfirmed24h");
		int fromConfirmed = names.indexOf("sim.contactedByConfirmed24h");
		Map<Long, String> operators = new HashMap<>();
		Map<String, String> out = new HashMap<>();
		Set<String> cross = new HashSet<>();
		for (Call c : calls) {
			operators.put(c.caller, c.operator);
			boolean before = m.measureOf(c.caller).restricts();
			SimMonitor.Verdict v = c.call
					? m.call(c.caller, c.callee, c.time, c.durationSeconds, c.answered, c.cell, c.imei, c.calleeRegion)
					: m.sms(c.caller, c.callee, c.time, c.cell, c.imei, c.calleeRegion);
			double[] f = m.lastFeatures();
			if (f[calls24h] > 0 && f[calledBack] > 0 || f[deviceSims] >= 2 || f[newSims] > 0 || f[toConfirmed] > 0
					|| f[fromConfirmed] > 0) {
				cross.add(Long.toString(c.caller));
			}
			if (!before && v.measure.restricts()) {
				out.put(Long.toString(c.caller), Messages.measureJson(c.operator, m.decision(c.caller)));
			}
			for (int i = 0; i < v.others; i++) {
				long o = v.other(i);
				String phone = Long.toString(o);
				cross.add(phone);
				if (!out.containsKey(phone) && m.measureOf(o).restricts()) {
					out.put(phone, Messages.measureJson(operators.getOrDefault(o, c.operator), m.decision(o)));
				}
			}
		}
		return new InProcess(out, cross);
	}

	/** The SIM stage's logic with each phone's state apart: what the job must write. */
	public static Map<String, String> split(List<Call> calls) {
		SimLogic logic = new SimLogic();
		Map<Long, int[]> ints = new HashMap<>();
		Map<Long, long[]> longs = new HashMap<>();
		Map<String, String> out = new HashMap<>();
		for (Call c : calls) {
			int[] is = ints.get(c.caller);
			boolean fresh = is == null;
			if (fresh) {
				is = SimLogic.newInts();
				ints.put(c.caller, is);
				longs.put(c.caller, SimLogic.newLongs());
			}
			String measure = logic.apply(c, fresh, is, longs.get(c.caller));
			if (measure != null) {
				out.put(Long.toString(c.caller), measure);
			}
		}
		return out;
	}

}
