package org.fanzha.bench;

import java.util.concurrent.TimeUnit;

import org.fanzha.engine.monitor.TransferMonitor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * In-process scoring: every transfer of a simulated province (prepared in {@code @Setup})
 * through the monitor — feature windows updated, feature vector built, the default rules
 * scored — with the victims' reports confirming accounts in between, as in
 * {@link MonitorBench}. One operation scores all transfers, so transfers/s = score ×
 * transfers. The Drools peer and the latency per decision are in {@link MonitorBench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgs = { "-Xmx4g" })
public class MonitorBenchmark {

	@Param("100000")
	public int persons;

	@Param("3")
	public int days;

	RecordedTransfers rec;

	MonitorBench.Reports reports;

	@Setup(Level.Trial)
	public void setUp() {
		rec = RecordedTransfers.simulate(persons, days);
		reports = MonitorBench.Reports.of(rec);
	}

	@Benchmark
	public long scoreAllTransfers() {
		return MonitorBench.fanzhaPass(TransferMonitor.withDefaultRules(rec.opening.length), rec, reports);
	}

}
