package org.fanzha.stream;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fanzha.engine.telecom.SimMonitor;
import org.fanzha.engine.telecom.SimRuleSet;

/**
 * The handset stage's answers computed without Flink, in feed order ({@link #split}:
 * {@link HandsetLogic} with each handset's state apart), and what the engine's in-process
 * monitor says of the same records ({@link #inProcess}: each record's handset features,
 * the phones marked as SIM-box members at the end).
 */
public final class HandsetReference {

	/**
	 * {@code messages}: the handset stage's messages in order; {@code features}: per
	 * record carrying an IMEI (feed order), device.sims, device.sequentialSims,
	 * device.calls1h.
	 */
	public record Split(List<Keyed> messages, List<double[]> features) {
	}

	/**
	 * {@code boxPhones}: phones the monitor marks as SIM-box; {@code features} as in
	 * {@link Split}.
	 */
	public record InProcess(Set<Long> boxPhones, List<double[]> features) {
	}

	static final int[] SLOTS = { SimRuleSet.FEATURES.indexOf("device.sims"),
			SimRuleSet.FEATURES.indexOf("device.sequentialSims"), SimRuleSet.FEATURES.indexOf("device.calls1h") };

	private HandsetReference() {
	}

	public static Split split(List<Call> calls) {
		HandsetLogic logic = new HandsetLogic();
		Map<Long, long[]> state = new HashMap<>();
		Map<Long, Set<Long>> measured = new HashMap<>();
		List<Keyed> out = new ArrayList<>();
		List<double[]> features = new ArrayList<>();
		for (Call c : calls) {
			if (c.imei == SimMonitor.UNKNOWN) {
				continue;
			}
			long[] s = state.computeIfAbsent(c.imei, k -> HandsetLogic.newState());
			Set<Long> m = measured.computeIfAbsent(c.imei, k -> new HashSet<>());
			try {
				out.addAll(logic.apply(c, s, m::add));
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
			features.add(pick(logic.features(s, c.caller, c.time)));
		}
		return new Split(out, features);
	}

	public static InProcess inProcess(List<Call> calls) {
		SimMonitor m = SimMonitor.withDefaultRules(1 << 12);
		Set<Long> phones = new HashSet<>();
		List<double[]> features = new ArrayList<>();
		for (Call c : calls) {
			phones.add(c.caller);
			if (c.call) {
				m.call(c.caller, c.callee, c.time, c.durationSeconds, c.answered, c.cell, c.imei, c.calleeRegion);
			}
			else {
				m.sms(c.caller, c.callee, c.time, c.cell, c.imei, c.calleeRegion);
			}
			if (c.imei != SimMonitor.UNKNOWN) {
				features.add(pick(m.lastFeatures()));
			}
		}
		Set<Long> box = new HashSet<>();
		for (long p : phones) {
			if (m.simBox(p)) {
				box.add(p);
			}
		}
		return new InProcess(box, features);
	}

	private static double[] pick(double[] f) {
		double[] v = new double[SLOTS.length];
		for (int i = 0; i < SLOTS.length; i++) {
			v[i] = f[SLOTS[i]];
		}
		return v;
	}

}
