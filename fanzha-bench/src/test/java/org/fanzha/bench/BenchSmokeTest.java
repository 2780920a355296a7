package org.fanzha.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.fanzha.bench.drools.DroolsMonitor;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Smoke runs of every benchmark, so ./mvnw verify proves they work. Nothing here asserts
 * a speed: the figures come from the full runs in docs/benchmarks.md.
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
		// CI passes the PostgreSQL URL (./mvnw verify -Ppostgres); without it the peer is
		// skipped
		String pg = System.getProperty("spring.profiles.active", "").contains("postgres")
				? System.getProperty("FANZHA_DB_URL") : null;
		TraceBench.Figures f = TraceBench.run(5_000, 2, pg, 5, 5, 24 * 3_600);
		System.out.println("[bench smoke] " + f);
		assertThat(f.transfers()).isGreaterThan(10_000);
		assertThat(f.traces()).isPositive();
		assertThat(f.ingestPerSecond()).isPositive();
		if (pg != null) {
			assertThat(f.pgQueries()).isEqualTo(5);
			assertThat(f.pgAgrees()).as("PostgreSQL reaches the same accounts as the engine's poison trace").isTrue();
			assertThat(f.fifoQueries()).isEqualTo(5);
			assertThat(f.fifoHoldings()).as("the traces end somewhere").isPositive();
			assertThat(f.fifoAgrees()).as("the PL/pgSQL FIFO trace holds what the engine's FIFO holds").isTrue();
		}
	}

	@Test
	void monitorHarnessRunsFanzhaAndDroolsAndComparesTheirDecisions() {
		MonitorBench.Figures f = MonitorBench.run(2_000, 2, 1, 1, DroolsMonitor.Windows.PROFILE);
		System.out.println("[bench smoke] " + f);
		assertThat(f.transfers()).isGreaterThan(1_000);
		assertThat(f.fanzhaPerSecond()).isPositive();
		assertThat(f.droolsPerSecond()).isPositive();
		assertThat(f.p99Nanos()).isPositive();
		assertThat(f.agreement()).isBetween(0.0, 1.0);
		long decided = Arrays.stream(f.confusion()).flatMapToLong(Arrays::stream).sum();
		assertThat(decided).as("both engines decided on every transfer").isEqualTo(f.transfers());
		// the sliding windows drop old events: the session holds the accounts and at most
		// a day of transfers
		assertThat(f.droolsFactsAtEnd()).isLessThan(f.accounts() + (long) f.transfers());
	}

	@Test
	void httpHarnessGetsDecisionsFromTheServerJar() throws Exception {
		Path jar = Path.of("..", "fanzha-server", "target", "fanzha-server.jar");
		assumeTrue(Files.isRegularFile(jar), "HTTP smoke skipped: no server jar at " + jar.toAbsolutePath()
				+ " (build it first: ./mvnw -q -B install -DskipTests)");
		RecordedTransfers rec = RecordedTransfers.simulate(2_000, 1);
		try (DecisionApiLoad.Server server = DecisionApiLoad.Server.start(jar, "-Xmx512m -XX:TieredStopAtLevel=1",
				null)) {
			var figures = DecisionApiLoad.run("127.0.0.1", server.port(), server.token(), rec, new int[] { 1, 20 }, 2,
					0.3, 0.5, 0, server.process().pid(), false);
			figures.forEach(x -> System.out.println("[bench smoke] http " + x));
			assertThat(figures).hasSize(2);
			for (DecisionApiLoad.Figures x : figures) {
				assertThat(x.requests()).as("requests answered").isPositive();
				assertThat(x.errors()).as("answers other than 200").isZero();
				assertThat(x.decisions()).as("one decision per transfer sent").isEqualTo(x.requests() * x.batch());
				assertThat(x.serverCpuMicrosPerRequest()).as("the server's CPU time per request").isPositive();
			}
		}
	}

	@Test
	void linkingHarnessFindsThePeersPartition() {
		LinkingBench.Figures f = LinkingBench.run(5_000, 50_000, 3, 1, true);
		System.out.println("[bench smoke] " + f);
		assertThat(f.identifiers()).isEqualTo(50_000);
		assertThat(f.incidences()).isGreaterThan(50_000);
		assertThat(f.peerAgrees()).as("JGraphT finds the same groups").isTrue();
		assertThat(f.guarded()).as("banks, popular apps and spoofed numbers are held back").isPositive();
		assertThat(f.groups()).isLessThan(f.cases());
		assertThat(f.adjustedRandIndex()).isBetween(-1.0, 1.0);
		assertThat(f.fanzhaSeconds()).isPositive();
		assertThat(f.peerSeconds()).isPositive();
	}

	@Test
	void samePartitionIgnoresLabelsButNotGroups() {
		assertThat(LinkingBench.samePartition(new int[] { 0, 0, 1 }, new int[] { 5, 5, 2 })).isTrue();
		assertThat(LinkingBench.samePartition(new int[] { 0, 0, 1 }, new int[] { 5, 2, 2 })).isFalse();
		assertThat(LinkingBench.samePartition(new int[] { 0, 1, 2 }, new int[] { 0, 0, 1 })).isFalse();
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
		var options = new OptionsBuilder().include("\\." + SimulationBenchmark.class.getSimpleName() + "\\.")
			.include("\\." + ImportBenchmark.class.getSimpleName() + "\\.")
			.include("\\." + IngestBenchmark.class.getSimpleName() + "\\.")
			.include("\\." + MonitorBenchmark.class.getSimpleName() + "\\.")
			.include("\\." + LinkingBenchmark.class.getSimpleName() + "\\.")
			.param("persons", "2000")
			.param("days", "1")
			.param("rows", "2000")
			.param("cases", "2000")
			.forks(0)
			.warmupIterations(0)
			.measurementIterations(1)
			.measurementTime(TimeValue.milliseconds(200))
			.build();
		var results = new Runner(options).run();
		assertThat(results).hasSize(9);
		for (RunResult r : results) {
			assertThat(r.getPrimaryResult().getScore()).as(r.getParams().getBenchmark()).isPositive();
		}
	}

}
