package org.fanzha.bench;

import java.util.concurrent.TimeUnit;

import org.fanzha.engine.linking.CaseLinker;
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
 * Case linking of a {@link SyntheticCases} input ({@code cases} cases, ten identifiers
 * per case, prepared in {@code @Setup}): Fanzha's {@link CaseLinker} on dense ints
 * against JGraphT's {@code SimpleGraph} + {@code ConnectivityInspector} with the same
 * guard (see {@link LinkingBench}). One operation links every case, so cases/s = score ×
 * cases. The full 1,000,000-case run is {@link LinkingBench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgs = { "-Xmx6g" })
public class LinkingBenchmark {

	@Param("100000")
	public int cases;

	SyntheticCases in;

	@Setup(Level.Trial)
	public void generate() {
		in = new SyntheticCases(cases, cases * 10, 42);
	}

	@Benchmark
	public int fanzhaCaseLinker() {
		return LinkingBench.link(in, CaseLinker.Options.DEFAULTS).groupCount();
	}

	@Benchmark
	public int jgraphtConnectivity() {
		return LinkingBench.peer(in, CaseLinker.Options.DEFAULTS).labels().length;
	}

}
