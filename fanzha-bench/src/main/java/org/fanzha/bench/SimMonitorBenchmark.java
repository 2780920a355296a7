package org.fanzha.bench;

import java.util.concurrent.TimeUnit;

import org.fanzha.engine.telecom.SimMonitor;
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
 * In-process abnormal-SIM monitoring: every call record of a simulated province (prepared
 * in {@code @Setup}, see {@link RecordedCalls}) through the {@link SimMonitor} with the
 * default rules — caller and callee windows, handset and cell tables, the feature vector,
 * every rule, the measure — on a monitor that already knows every SIM's activation (built
 * before each operation, outside the timing). One operation replays all calls, so call
 * records/s = score × calls.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgs = { "-Xmx4g" })
public class SimMonitorBenchmark {

	@Param("100000")
	public int persons;

	@Param("3")
	public int days;

	RecordedCalls rec;

	SimMonitor monitor;

	@Setup(Level.Trial)
	public void record() {
		rec = new RecordedCalls(persons, days);
	}

	@Setup(Level.Invocation)
	public void freshMonitor() {
		monitor = rec.freshMonitor();
	}

	@Benchmark
	public long replayCalls() {
		return rec.replay(monitor);
	}

}
