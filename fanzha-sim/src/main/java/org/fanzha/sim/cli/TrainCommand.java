package org.fanzha.sim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.fanzha.engine.monitor.model.ModelFile;
import org.fanzha.sim.evaluate.MonitorTraining;
import org.fanzha.sim.world.SimConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./fanzha train ...}: learned models, trained on a simulated province or a
 * dataset.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
		description = "Train a learned model and save it as a text file.",
		subcommands = { TrainCommand.Monitoring.class })
public class TrainCommand implements Callable<Integer> {

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	/**
	 * {@code ./fanzha train} alone: say what can be trained (a parameter error: one line,
	 * exit 2).
	 */
	@Override
	public Integer call() {
		throw new CommandLine.ParameterException(spec.commandLine(), "name the model to train: monitoring");
	}

	@Command(name = "monitoring", mixinStandardHelpOptions = true,
			description = "A transfer-level model over the monitor's feature vector (the features the rules name): every "
					+ "transfer into an account, replayed through the default rules, labelled by whether the payee is a "
					+ "mule. Prints one line: rows, positives, held-out AUC.")
	public static class Monitoring implements Callable<Integer> {

		@Option(names = "--preset", paramLabel = "P",
				description = "Train on a simulated province: tiny, small, medium or large.")
		String preset;

		@Option(names = "--seed", defaultValue = "42",
				description = "World and model seed (default: ${DEFAULT-VALUE}).")
		long seed;

		@Option(names = "--evasive", description = "With --preset: gangs that adapt.")
		boolean evasive;

		@Option(names = "--data", paramLabel = "DIR",
				description = "Train on a Fanzha dataset with truth/mule_accounts.csv.")
		Path data;

		@Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the model.")
		Path out;

		@Option(names = "--model", defaultValue = "gbt", description = "gbt or logistic (default: ${DEFAULT-VALUE}).")
		String model;

		@CommandLine.Spec
		CommandLine.Model.CommandSpec spec;

		@Override
		public Integer call() {
			MonitorTraining.Result r;
			String source;
			try {
				if ((preset == null) == (data == null)) {
					throw new IllegalArgumentException("give either --preset P (with --seed S) or --data DIR");
				}
				if (!model.equals("gbt") && !model.equals("logistic")) {
					throw new IllegalArgumentException("unknown model '" + model + "': use gbt or logistic");
				}
				if (Files.isDirectory(out)) {
					throw new IllegalArgumentException("--out " + out + " is a directory; give a file name");
				}
				if (data != null) {
					if (!Files.isDirectory(data)) {
						throw new IllegalArgumentException("--data: no such directory: " + data);
					}
					source = data.toString();
					r = MonitorTraining.fromDataset(data, model, seed);
				}
				else {
					SimConfig config = SimConfig.preset(preset, seed).withEvasive(evasive);
					source = "preset " + preset + ", seed " + seed + (evasive ? " (evasive)" : "");
					r = MonitorTraining.fromSimulation(config, model);
				}
				ModelFile.save(r.model(), out);
			}
			catch (IllegalArgumentException | IOException e) {
				String m = e instanceof NoSuchFileException ? "missing " + e.getMessage() : e.getMessage();
				spec.commandLine().getErr().println("fanzha train monitoring: " + m.lines().findFirst().orElse(""));
				return 2;
			}
			spec.commandLine()
				.getOut()
				.printf("trained %s on %s: fitted on %,d rows of %,d transfers (%,d into mule accounts; "
						+ "other rows kept 1 in %.0f), held-out payees: AUC %.3f, F1 %.3f on %,d rows (%,d positive) -> %s%n",
						r.model().kind(), source, r.rows(), r.transfers(), r.positives(), 1 / r.negativeRate(),
						r.heldOutAuc(), r.heldOutF1(), r.heldOutRows(), r.heldOutPositives(), out);
			spec.commandLine().getOut().flush();
			return 0;
		}

	}

}
