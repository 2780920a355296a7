package org.fanzha.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Smoke runs of every benchmark, so ./mvnw verify proves they work. Nothing here asserts a speed: the
 * figures come from the full runs in docs/benchmarks.md.
 */
class BenchSmokeTest {

	@Test
	void endToEndHarnessesRunOnTinyInputs() throws Exception {
		BenchMain.Result sim = BenchMain.simulate("tiny", 1);
		assertThat(sim.units()).isGreaterThan(10_000);
		assertThat(sim.fanzhaRate()).isPositive();
		assertThat(sim.peerRate()).isPositive();
		BenchMain.Result imp = BenchMain.importAmlWorld(5_000);
		assertThat(imp.units()).isEqualTo(5_000);
		System.out.println("[bench smoke] " + sim);
		System.out.println("[bench smoke] " + imp);
	}

	@Test
	void traceHarnessRunsAndPostgresAgreesWhenGiven() throws Exception {
		// CI passes the PostgreSQL URL (./mvnw verify -Ppostgres); without it the peer is skipped
		String pg = System.getProperty("spring.profiles.active", "").contains("postgres")
				? System.getProperty("FANZHA_DB_URL") : null;
		TraceBench.Figures f = TraceBench.run(5_000, 2, pg, 5, 24 * 3_600);
		System.out.println("[bench smoke] " + f);
		assertThat(f.transfers()).isGreaterThan(10_000);
		assertThat(f.traces()).isPositive();
		assertThat(f.ingestPerSecond()).isPositive();
		if (pg != null) {
			assertThat(f.pgQueries()).isEqualTo(5);
			assertThat(f.pgAgrees()).as("PostgreSQL reaches the same accounts as the engine's poison trace").isTrue();
		}
	}

	@Test
	void peersProduceTheSameColumns() throws Exception {
		StringWriter w = new StringWriter();
		PeerGenerator.write(w, 3, 1, 100);
		assertThat(w.toString()).startsWith("transfer_id,time,from_account,to_account,amount_fen,channel,region\n")
				.contains("+08:00");
		assertThat(w.toString().split("\n")).hasSize(4);
	}

	@Test
	void jmhBenchmarksRun() throws Exception {
		var options = new OptionsBuilder()
				.include(SimulationBenchmark.class.getSimpleName())
				.include(ImportBenchmark.class.getSimpleName())
				.include(IngestBenchmark.class.getSimpleName())
				.include(MonitorBenchmark.class.getSimpleName())
				.param("persons", "2000")
				.param("days", "1")
				.param("rows", "2000")
				.forks(0)
				.warmupIterations(0)
				.measurementIterations(1)
				.measurementTime(TimeValue.milliseconds(200))
				.build();
		var results = new Runner(options).run();
		assertThat(results).hasSize(7);
		for (RunResult r : results) {
			assertThat(r.getPrimaryResult().getScore()).as(r.getParams().getBenchmark()).isPositive();
		}
	}
}
