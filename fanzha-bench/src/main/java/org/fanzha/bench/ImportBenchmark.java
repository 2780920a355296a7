package org.fanzha.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.fanzha.sim.importers.Importers;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * AMLworld-format import: Fanzha's streaming importer (validation, ground truth, atomic
 * output directory) against a Commons CSV + BigDecimal converter writing the same
 * transfers.csv. One operation converts the whole sample file of {@code rows} rows.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgs = { "-Xmx4g" })
public class ImportBenchmark {

	@Param("200000")
	public long rows;

	Path dir;

	Path input;

	int run;

	@Setup(Level.Trial)
	public void setUp() throws IOException {
		dir = Files.createTempDirectory("fanzha-import-bench");
		input = dir.resolve("HI-Sample_Trans.csv");
		AmlWorldSample.write(input, rows, 7);
	}

	@TearDown(Level.Trial)
	public void tearDown() throws IOException {
		delete(dir);
	}

	@Benchmark
	public long fanzhaImporter() throws IOException {
		Path out = dir.resolve("fanzha-" + run++);
		long n = Importers.run(Importers.Format.AMLWORLD, List.of(input), out).transfers();
		delete(out);
		return n;
	}

	@Benchmark
	public long peerCommonsCsv() throws IOException {
		Path out = dir.resolve("peer.csv");
		try (Reader in = Files.newBufferedReader(input, StandardCharsets.UTF_8);
				Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
			return PeerImporter.convert(in, w);
		}
	}

	static void delete(Path p) throws IOException {
		if (!Files.exists(p)) {
			return;
		}
		try (Stream<Path> s = Files.walk(p)) {
			for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(x);
			}
		}
	}

}
