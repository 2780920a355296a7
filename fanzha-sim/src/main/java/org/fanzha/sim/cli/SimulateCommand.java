package org.fanzha.sim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.fanzha.sim.io.Table;
import org.fanzha.sim.world.DatasetSink;
import org.fanzha.sim.world.SimConfig;
import org.fanzha.sim.world.Simulator;
import org.fanzha.sim.world.World;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./fanzha simulate --preset small --seed 42 --out DIR}: a simulated province as
 * CSV files.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
		description = "Simulate a province (people, accounts, SIMs, transfers, calls, fraud, mule chains, "
				+ "reports) and write it as CSV files with ground truth under DIR/truth (see docs/simulator.md).")
public class SimulateCommand implements Callable<Integer> {

	@Option(names = "--preset", defaultValue = "small",
			description = "tiny, small, medium or large (default: ${DEFAULT-VALUE}).")
	String preset;

	@Option(names = "--seed", defaultValue = "42",
			description = "Random seed; the same seed and preset give identical files.")
	long seed;

	@Option(names = "--out", required = true, paramLabel = "DIR",
			description = "Output directory (must not hold a dataset already).")
	Path out;

	@Option(names = "--evasive",
			description = "Gangs adapt: slower layering, deeper chains, aged accounts, more SIM boxes.")
	boolean evasive;

	@Option(names = "--persons", paramLabel = "N", description = "Override the preset's number of persons.")
	Integer persons;

	@Option(names = "--days", paramLabel = "N", description = "Override the preset's number of days.")
	Integer days;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() {
		SimConfig config;
		try {
			config = SimConfig.preset(preset, seed).withEvasive(evasive);
			if (persons != null || days != null) {
				config = config.withSize(persons != null ? persons : config.persons(),
						days != null ? days : config.days());
			}
			if (Files.exists(out.resolve(Table.TRANSFERS.fileName()))) {
				throw new IllegalArgumentException(out + " already holds a dataset; choose an empty directory");
			}
			if (Files.exists(out) && !Files.isDirectory(out)) {
				throw new IllegalArgumentException(out + " is a file, not a directory");
			}
		}
		catch (IllegalArgumentException e) {
			spec.commandLine().getErr().println("fanzha simulate: " + e.getMessage());
			return 2;
		}
		long t0 = System.nanoTime();
		World world = new World(config);
		long events;
		try (DatasetSink sink = new DatasetSink(out)) {
			new Simulator(world).run(sink);
			var w = sink.writer();
			events = w.rows(Table.TRANSFERS) + w.rows(Table.CALLS) + w.rows(Table.SMS);
			double seconds = (System.nanoTime() - t0) / 1e9;
			spec.commandLine()
				.getOut()
				.printf("simulated preset %s seed %d%s: %,d persons, %,d accounts, %,d transfers, "
						+ "%,d calls, %,d texts, %,d cases, %,d mule accounts in %.1f s -> %s%n", config.preset(), seed,
						evasive ? " (evasive)" : "", world.population.persons, world.population.accounts(),
						w.rows(Table.TRANSFERS), w.rows(Table.CALLS), w.rows(Table.SMS), w.rows(Table.CASES),
						world.gangs.mules(), seconds, out.toAbsolutePath());
		}
		catch (RuntimeException e) {
			spec.commandLine().getErr().println("fanzha simulate: " + e.getMessage());
			return 1;
		}
		return events > 0 ? 0 : 1;
	}

	static void ensureDir(Path dir) throws IOException {
		Files.createDirectories(dir);
	}

}
