package org.fanzha.engine.telecom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Invariants over random traffic (a few SIMs sharing a few handsets, calls and texts at
 * random times, a little out of order, confirmations and re-verifications in between):
 * they must hold for every stream, not only the hand-made ones of {@link SimMonitorTest}.
 */
class SimMonitorPropertiesTest {

	static final long T0 = 1_772_323_200L;

	static final int F_HOUR = SimRuleSet.FEATURES.indexOf("hour");

	/**
	 * A verdict for one random event; sometimes a confirmation or a re-verification
	 * instead (null then).
	 */
	static SimMonitor.Verdict event(SimMonitor m, Random r, long[] phones, long t) {
		long a = phones[r.nextInt(phones.length)];
		long b = phones[r.nextInt(phones.length)];
		long imei = r.nextInt(4) == 0 ? SimMonitor.UNKNOWN : 860_000_000_000_000L + r.nextInt(3);
		int kind = r.nextInt(100);
		if (kind < 70) {
			return m.call(a, b, t, r.nextInt(600), r.nextBoolean(), r.nextInt(5), imei, 610_000 + r.nextInt(20));
		}
		if (kind < 95) {
			return m.sms(a, b, t, r.nextInt(5), imei, 610_000 + r.nextInt(20));
		}
		if (kind < 97) {
			return m.confirm(a, t);
		}
		if (kind < 99) {
			return m.reverificationFailed(a, t);
		}
		m.reverified(a, t);
		return null;
	}

	static long[] phones(Random r, SimMonitor m, int n) {
		long[] p = new long[n];
		for (int i = 0; i < n; i++) {
			p[i] = 17_000_000_000L + i * (r.nextBoolean() ? 1 : 1_000);
			if (r.nextBoolean()) {
				m.activate(p[i], T0 - r.nextInt(400) * 86_400L);
			}
		}
		return p;
	}

	@Property(tries = 150)
	void measuresOnlyRiseUntilLiftedAndEscalatedSaysWhenTheyRise(@ForAll long seed,
			@ForAll @IntRange(min = 2, max = 16) int sims, @ForAll @IntRange(min = 1, max = 600) int events) {
		Random r = new Random(seed);
		SimMonitor m = SimMonitor.withDefaultRules(16);
		long[] phones = phones(r, m, sims);
		Map<Long, SimMeasure> last = new HashMap<>();
		long t = T0;
		for (int k = 0; k < events; k++) {
			t += r.nextInt(400) - 20;
			SimMonitor.Verdict v = event(m, r, phones, t);
			if (v == null) {
				// a re-verification: the only way down, and never below NONE or from
				// SUSPEND
				for (long p : phones) {
					last.put(p, m.measureOf(p));
				}
				continue;
			}
			SimMeasure after = m.measureOf(v.phone);
			assertThat(v.measure).isEqualTo(after);
			assertThat(v.escalated).isEqualTo(after.compareTo(last.getOrDefault(v.phone, SimMeasure.NONE)) > 0);
			for (long p : phones) {
				SimMeasure now = m.measureOf(p);
				assertThat(now).as("measure of %d at event %d", p, k)
					.isGreaterThanOrEqualTo(last.getOrDefault(p, SimMeasure.NONE));
				last.put(p, now);
				if (now != SimMeasure.NONE) {
					SimMonitor.Decision d = m.decision(p);
					assertThat(d.reasons()).as("every measure has a reason").isNotEmpty();
					assertThat(d.appealDocuments()).isEqualTo(now.appealDocuments()).isNotEmpty();
				}
			}
			for (int i = 0; i < v.others; i++) {
				assertThat(m.simBox(v.other(i))).isTrue();
			}
		}
	}

	@Property(tries = 150)
	void featuresStayWithinTheirRanges(@ForAll long seed, @ForAll @IntRange(min = 1, max = 12) int sims,
			@ForAll @IntRange(min = 1, max = 500) int events) {
		Random r = new Random(seed);
		SimMonitor m = SimMonitor.withDefaultRules(16);
		long[] phones = phones(r, m, sims);
		long t = T0;
		for (int k = 0; k < events; k++) {
			t += r.nextInt(900) - 30;
			if (event(m, r, phones, t) == null) {
				continue;
			}
			double[] f = m.lastFeatures();
			for (int i = 0; i < f.length; i++) {
				assertThat(f[i]).as(SimRuleSet.FEATURES.get(i)).isNotNaN().isGreaterThanOrEqualTo(0);
			}
			assertThat(f[F_HOUR]).isLessThan(24);
			for (String share : new String[] { "sim.answeredShare24h", "sim.shortShare24h",
					"sim.calledBackShare24h" }) {
				assertThat(f[SimRuleSet.FEATURES.indexOf(share)]).as(share).isBetween(0.0, 1.0);
			}
			assertThat(f[SimRuleSet.FEATURES.indexOf("sim.calls1h")])
				.isLessThanOrEqualTo(f[SimRuleSet.FEATURES.indexOf("sim.calls24h")]);
			assertThat(f[SimRuleSet.FEATURES.indexOf("sim.sms1h")])
				.isLessThanOrEqualTo(f[SimRuleSet.FEATURES.indexOf("sim.sms24h")]);
			assertThat(f[SimRuleSet.FEATURES.indexOf("sim.activeHours24h")]).isLessThanOrEqualTo(24);
			assertThat(f[SimRuleSet.FEATURES.indexOf("sim.confirmed")]).isIn(0.0, 1.0);
		}
		assertThat(m.numbers()).isLessThanOrEqualTo(sims);
	}

	@Property(tries = 200)
	void distinctCalleesAreEstimatedCloselyForTheSizesRulesUse(@ForAll long seed,
			@ForAll @IntRange(min = 1, max = 60) int distinct, @ForAll @IntRange(min = 1, max = 4) int repeats) {
		Random r = new Random(seed);
		SimMonitor m = SimMonitor.withDefaultRules(256);
		long sim = 13_900_000_000L;
		long[] callees = new long[distinct];
		for (int i = 0; i < distinct; i++) {
			callees[i] = 13_000_000_000L + r.nextInt(900_000_000);
		}
		long t = T0;
		for (int k = 0; k < distinct * repeats; k++) {
			t += 1 + r.nextInt(200);
			m.call(sim, callees[k % distinct], t, 60, true, 1, SimMonitor.UNKNOWN, SimMonitor.UNKNOWN);
		}
		long unique = Arrays.stream(callees).distinct().count();
		double estimate = m.lastFeatures()[SimRuleSet.FEATURES.indexOf("sim.distinctCallees24h")];
		assertThat(estimate).isBetween(unique * 0.7 - 2, unique * 1.3 + 2);
	}

}
