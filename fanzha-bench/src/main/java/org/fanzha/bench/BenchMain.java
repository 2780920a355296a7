package org.fanzha.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.fanzha.sim.importers.ImportSummary;
import org.fanzha.sim.importers.Importers;
import org.fanzha.sim.io.Table;
import org.fanzha.sim.world.DatasetSink;
import org.fanzha.sim.world.SimConfig;
import org.fanzha.sim.world.Simulator;
import org.fanzha.sim.world.World;

/**
 * End-to-end harnesses: the whole path from nothing to files on disk, single-threaded,
 * each measured against its peer in the same run. {@code --smoke} runs tiny sizes (used
 * by ./mvnw verify); the full runs and their results are in docs/benchmarks.md.
 *
 * <pre>
 * java -cp ... org.fanzha.bench.BenchMain simulate [--preset medium] [--smoke]
 * java -cp ... org.fanzha.bench.BenchMain import [--rows 5000000] [--smoke]
 * java -cp ... org.fanzha.bench.BenchMain monitor [--persons 100000] [--days 3] [--smoke]     (MonitorBench)
 * java -cp ... org.fanzha.bench.BenchMain http [options of DecisionApiLoad] [--smoke]          (DecisionApiLoad)
 * java -cp ... org.fanzha.bench.BenchMain linking [--cases 1000000] [--identifiers 10000000] [--smoke] (LinkingBench)
 * java -cp ... org.fanzha.bench.BenchMain soak [--minutes 10] [--rate 2000]                    (Soak, docs/reliability.md)
 * </pre>
 */
public final class BenchMain {

	public record Result(String name, long units, double fanzhaSeconds, double peerSeconds, String unit) {

		public double fanzhaRate() {
			return units / fanzhaSeconds;
		}

		public double peerRate() {
			return units / peerSeconds;
		}

		public double ratio() {
			return peerSeconds / fanzhaSeconds;
		}

		@Override
		public String toString() {
			return String.format(Locale.ROOT,
					"%s: %,d %s; Fanzha %,.0f %s/s (%.1f s), peer %,.0f %s/s (%.1f s), ratio %.1fx", name, units, unit,
					fanzhaRate(), unit, fanzhaSeconds, peerRate(), unit, peerSeconds, ratio());
		}
	}

	public static void main(String[] args) throws Exception {
		List<String> a = List.of(args);
		boolean smoke = a.contains("--smoke");
		String what = a.isEmpty() ? "all" : a.get(0);
		if (what.equals("monitor")) {
			MonitorBench.main(args);
			return;
		}
		if (what.equals("http")) {
			DecisionApiLoad.main(args);
			return;
		}
		if (what.equals("linking")) {
			LinkingBench.main(args);
			return;
		}
		if (what.equals("soak")) {
			Soak.main(args);
			return;
		}
		List<Result> results = new ArrayList<>();
		if (what.equals("simulate") || what.equals("all")) {
			results.add(simulate(option(a, "--preset", smoke ? "tiny" : "medium"), 42));
		}
		if (what.equals("import") || what.equals("all")) {
			results.add(importAmlWorld(Long.parseLong(option(a, "--rows", smoke ? "20000" : "5000000"))));
		}
		results.forEach(System.out::println);
	}

	static String option(List<String> args, String name, String fallback) {
		int i = args.indexOf(name);
		return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : fallback;
	}

	/**
	 * The simulator writing a preset's full dataset, against the peer writing as many
	 * transfer rows.
	 */
	public static Result simulate(String preset, long seed) throws IOException {
		Path dir = Files.createTempDirectory("fanzha-sim-bench");
		try {
			long t0 = System.nanoTime();
			World world = new World(SimConfig.preset(preset, seed));
			long events;
			try (DatasetSink sink = new DatasetSink(dir.resolve("world"))) {
				new Simulator(world).run(sink);
				events = sink.writer().rows(Table.TRANSFERS) + sink.writer().rows(Table.CALLS)
						+ sink.writer().rows(Table.SMS);
			}
			double fanzha = (System.nanoTime() - t0) / 1e9;
			long t1 = System.nanoTime();
			try (Writer w = Files.newBufferedWriter(dir.resolve("peer.csv"), StandardCharsets.UTF_8)) {
				PeerGenerator.write(w, events, seed, world.population.accounts());
			}
			double peer = (System.nanoTime() - t1) / 1e9;
			return new Result("simulate " + preset + " to CSV (Fanzha: whole world incl. population and truth; "
					+ "peer: Datafaker + Commons CSV rows)", events, fanzha, peer, "events");
		}
		finally {
			ImportBenchmark.delete(dir);
		}
	}

	/** AMLworld import of a synthetic file of {@code rows} rows. */
	public static Result importAmlWorld(long rows) throws IOException {
		Path dir = Files.createTempDirectory("fanzha-import-bench");
		try {
			Path input = dir.resolve("HI-Sample_Trans.csv");
			AmlWorldSample.write(input, rows, 7);
			long t0 = System.nanoTime();
			ImportSummary s = Importers.run(Importers.Format.AMLWORLD, List.of(input), dir.resolve("fanzha"));
			double fanzha = (System.nanoTime() - t0) / 1e9;
			if (s.rowsRead() != rows) {
				throw new IllegalStateException("imported " + s.rowsRead() + " of " + rows + " rows");
			}
			long t1 = System.nanoTime();
			try (Reader in = Files.newBufferedReader(input, StandardCharsets.UTF_8);
					Writer w = Files.newBufferedWriter(dir.resolve("peer.csv"), StandardCharsets.UTF_8)) {
				PeerImporter.convert(in, w);
			}
			double peer = (System.nanoTime() - t1) / 1e9;
			return new Result("import AMLworld CSV (Fanzha importer vs Commons CSV + BigDecimal converter)", rows,
					fanzha, peer, "rows");
		}
		finally {
			ImportBenchmark.delete(dir);
		}
	}

}
