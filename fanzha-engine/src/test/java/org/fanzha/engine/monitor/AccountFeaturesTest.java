package org.fanzha.engine.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fanzha.engine.monitor.AccountFeatures.W10M;
import static org.fanzha.engine.monitor.AccountFeatures.W1H;
import static org.fanzha.engine.monitor.AccountFeatures.W24H;
import static org.fanzha.engine.monitor.AccountFeatures.W7D;

import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class AccountFeaturesTest {

	/** 2026-03-01T08:00+08:00, a multiple of every bucket width. */
	static final long T0 = 1_772_323_200L;

	@Test
	void windowsExpireBucketByBucketAtTheInjectedTime() {
		AccountFeatures f = new AccountFeatures(4);
		f.record(0, 1, 1_000, T0);
		f.record(0, 1, 2_000, T0 + 300);
		assertThat(f.sumIn(1, W10M, T0 + 300)).isEqualTo(3_000);
		assertThat(f.countIn(1, W10M, T0 + 300)).isEqualTo(2);
		assertThat(f.sumOut(0, W10M, T0 + 300)).isEqualTo(3_000);
		// ten minutes on, the first bucket (T0) has left the 10-minute window; the hour
		// still has both
		assertThat(f.sumIn(1, W10M, T0 + 600)).isEqualTo(2_000);
		assertThat(f.sumIn(1, W10M, T0 + 900)).isZero();
		assertThat(f.sumIn(1, W1H, T0 + 900)).isEqualTo(3_000);
		assertThat(f.sumIn(1, W24H, T0 + 86_399)).isEqualTo(3_000);
		assertThat(f.sumIn(1, W7D, T0 + 8 * 86_400)).isZero();
		// reading the past answers for the past: the same state, another clock
		assertThat(f.sumIn(1, W10M, T0 + 100)).isEqualTo(1_000);
	}

	@Test
	void lateEventsCountWhereTheirBucketStillIs() {
		AccountFeatures f = new AccountFeatures(4);
		f.record(0, 1, 500, T0 + 1_000);
		f.record(2, 1, 700, T0 + 100); // 15 minutes late
		assertThat(f.sumIn(1, W10M, T0 + 1_000)).isEqualTo(500);
		assertThat(f.sumIn(1, W1H, T0 + 1_000)).isEqualTo(1_200);
		assertThat(f.countIn(1, W24H, T0 + 1_000)).isEqualTo(2);
		assertThat(f.ageSeconds(1, T0 + 1_000)).isEqualTo(900);
	}

	@Test
	void passThroughDwellFanInAndNight() {
		AccountFeatures f = new AccountFeatures(4);
		f.record(0, 1, 10_000, T0);
		f.record(1, 2, 9_800, T0 + 300);
		assertThat(f.passThrough(1, W1H, T0 + 300)).isEqualTo(0.98);
		assertThat(f.dwellSeconds(1)).isEqualTo(300);
		assertThat(f.dwellSeconds(0)).isEqualTo(-1);
		AccountFeatures g = new AccountFeatures(16);
		for (int payer = 10; payer < 20; payer++) {
			g.record(payer, 1, 100, T0 + payer);
		}
		g.record(19, 1, 100, T0 + 60); // a repeat payer is not new
		assertThat(g.newCounterpartiesToday(1, T0 + 100)).isEqualTo(10);
		assertThat(g.newCounterpartiesToday(1, T0 + 86_400)).isZero();
		// 02:00 Beijing time
		g.record(3, 4, 100, T0 - 6 * 3_600);
		assertThat(g.nightTransfers(4)).isEqualTo(1);
		assertThat(g.idleSeconds(4, T0)).isEqualTo(6 * 3_600);
		assertThat(g.idleSeconds(9, T0)).isEqualTo(-1);
	}

	/**
	 * A bucketed window read at t covers at least the last 3W/4 and at most the last W of
	 * history.
	 */
	@Property(tries = 300)
	void bucketedWindowsLieBetweenThreeQuartersAndTheWholeWindow(@ForAll long seed,
			@ForAll @IntRange(min = 1, max = 300) int events) {
		Random r = new Random(seed);
		AccountFeatures f = new AccountFeatures(2);
		long[] time = new long[events];
		long[] amount = new long[events];
		long t = T0;
		for (int i = 0; i < events; i++) {
			t += r.nextInt(r.nextBoolean() ? 120 : 20_000);
			time[i] = t;
			amount[i] = 1 + r.nextInt(100_000);
			f.record(0, 1, amount[i], t);
		}
		long now = t + r.nextInt(3_600);
		for (int w = 0; w < AccountFeatures.WINDOWS.length; w++) {
			long width = AccountFeatures.WINDOWS[w];
			long whole = 0;
			long threeQuarters = 0;
			for (int i = 0; i < events; i++) {
				if (time[i] > now - width && time[i] <= now) {
					whole += amount[i];
				}
				if (time[i] > now - width * 3 / 4 && time[i] <= now) {
					threeQuarters += amount[i];
				}
			}
			assertThat(f.sumIn(1, w, now)).as("window " + width).isBetween(threeQuarters, whole);
			assertThat(f.sumOut(0, w, now)).isEqualTo(f.sumIn(1, w, now));
		}
	}

}
