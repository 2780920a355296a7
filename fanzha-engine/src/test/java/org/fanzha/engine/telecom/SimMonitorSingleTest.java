package org.fanzha.engine.telecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * {@link SimMonitor#single}: a SIM's state held outside (as a stream processor's keyed
 * state) and loaded per event decides as the monitor of all SIMs does, as long as no
 * signal needs another number's state (no call-backs, no handsets, no cells here).
 */
class SimMonitorSingleTest {

	static final long T0 = SimMonitorTest.T0;

	@Test
	void phonesInterleavedWithStateHeldOutsideDecideAsTheMonitorOfAllSims() {
		SimRuleSet rules = SimRuleSet.parse(SimMonitor.DEFAULT_RULES);
		SimMonitor all = new SimMonitor(rules, 64);
		SimMonitor one = SimMonitor.single(rules, SimMonitor.Settings.DEFAULTS);
		Map<Long, int[]> ints = new HashMap<>();
		Map<Long, long[]> longs = new HashMap<>();
		Random r = new Random(7);
		long[] phones = { 13_900_000_001L, 13_900_000_002L, 15_800_000_003L, 18_600_000_004L };
		int restricted = 0;
		for (int i = 0; i < 4_000; i++) {
			int p = r.nextInt(phones.length);
			long caller = phones[p];
			// phone 0 is a spree: many strangers, rarely answered, short; the others call
			// a few people now and then
			long callee = p == 0 ? 17_000_000_000L + r.nextInt(100_000) : 19_900_000_000L + r.nextInt(5);
			long t = T0 + i * 20L;
			boolean answered = p == 0 ? r.nextInt(10) == 0 : r.nextInt(10) < 8;
			int duration = p == 0 ? 5 : 60 + r.nextInt(300);
			long region = 610_113 + r.nextInt(9);
			boolean fresh = !ints.containsKey(caller);
			int[] is = ints.computeIfAbsent(caller, k -> new int[SimMonitor.SIM_INTS]);
			long[] ls = longs.computeIfAbsent(caller, k -> new long[SimMonitor.SIM_LONGS]);
			one.load(caller, fresh ? null : is, fresh ? null : ls);
			boolean sms = i % 7 == 0;
			SimMonitor.Verdict v1 = sms ? one.sms(caller, callee, t, SimMonitor.UNKNOWN, SimMonitor.UNKNOWN, 610_113)
					: one.call(caller, callee, t, duration, answered, SimMonitor.UNKNOWN, SimMonitor.UNKNOWN, region);
			SimMeasure m1 = v1.measure;
			boolean e1 = v1.escalated;
			long acted1 = v1.acted;
			one.store(is, ls);
			SimMonitor.Verdict v2 = sms ? all.sms(caller, callee, t, SimMonitor.UNKNOWN, SimMonitor.UNKNOWN, 610_113)
					: all.call(caller, callee, t, duration, answered, SimMonitor.UNKNOWN, SimMonitor.UNKNOWN, region);
			assertThat(m1).isEqualTo(v2.measure);
			assertThat(e1).isEqualTo(v2.escalated);
			assertThat(acted1).isEqualTo(v2.acted);
			one.load(caller, is, ls);
			assertThat(one.decision(caller)).isEqualTo(all.decision(caller));
			restricted += e1 && m1.restricts() ? 1 : 0;
		}
		assertThat(restricted).as("the spree is restricted").isEqualTo(1);
	}

	@Test
	void loadIsOnlyForASingleMonitor() {
		assertThatThrownBy(() -> SimMonitor.withDefaultRules(16).load(1, null, null))
			.isInstanceOf(IllegalStateException.class);
	}

}
