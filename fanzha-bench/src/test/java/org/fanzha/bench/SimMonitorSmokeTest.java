package org.fanzha.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.fanzha.engine.telecom.SimMonitor;
import org.fanzha.sim.evaluate.SimRegister;
import org.junit.jupiter.api.Test;

/**
 * A smoke run of {@link SimMonitorBenchmark} and its input on a tiny world, so ./mvnw
 * verify proves they work. Nothing here asserts a speed: the figure comes from the full
 * run in docs/benchmarks.md.
 */
class SimMonitorSmokeTest {

	@Test
	void theBenchmarkReplaysRecordedCallsThroughAFreshMonitorEachTime() {
		SimMonitorBenchmark bench = new SimMonitorBenchmark();
		bench.persons = 3_000;
		bench.days = 1;
		bench.record();
		assertThat(bench.rec.calls.size()).isGreaterThan(3_000);
		long[] acted = new long[2];
		for (int k = 0; k < acted.length; k++) {
			bench.freshMonitor();
			acted[k] = bench.replayCalls();
		}
		assertThat(acted[0]).as("rules acted").isPositive();
		assertThat(acted[1]).as("a fresh monitor decides the same way again").isEqualTo(acted[0]);
	}

	@Test
	void theMonitorRestrictsTheGangsSimsAndHardlyAnyoneElse() {
		RecordedCalls rec = new RecordedCalls(3_000, 1);
		SimMonitor m = rec.freshMonitor();
		rec.replay(m);
		SimRegister register = rec.register;
		int fraudRestricted = 0;
		int ordinaryRestricted = 0;
		for (int s = 0; s < register.size(); s++) {
			if (m.measureOf(register.phone(s)).restricts()) {
				if (s >= register.ordinary()) {
					fraudRestricted++;
				}
				else {
					ordinaryRestricted++;
				}
			}
		}
		assertThat(fraudRestricted).isPositive().isGreaterThan(10 * ordinaryRestricted);
	}

}
