package org.fanzha.sim.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.fanzha.sim.importers.ImportException;
import org.fanzha.sim.importers.ImportSummary;
import org.fanzha.sim.importers.Importers;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./fanzha import --format amlsim|amlsim-txlog|paysim|amlworld PATH... --out DIR}.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
		description = "Convert a public AML dataset (AMLSim, PaySim, IBM AMLworld) into a Fanzha dataset with the "
				+ "same files and ground truth as the simulator writes.")
public class ImportCommand implements Callable<Integer> {

	@Option(names = "--format", required = true, description = "amlsim (a folder with nodes.csv and transactions.csv), "
			+ "amlsim-txlog, paysim or amlworld.")
	String format;

	@Parameters(arity = "1..*", paramLabel = "PATH", description = "Input file(s), or the folder for amlsim.")
	List<Path> inputs;

	@Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (new or empty).")
	Path out;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() {
		long t0 = System.nanoTime();
		try {
			ImportSummary s = Importers.run(Importers.Format.parse(format), inputs, out);
			double seconds = (System.nanoTime() - t0) / 1e9;
			spec.commandLine()
				.getOut()
				.printf("imported %s: %,d rows read, %,d rejected, %,d accounts, %,d transfers, "
						+ "%,d mule accounts, %,d laundering transfers in %.1f s (%,.0f rows/s) -> %s%n", format,
						s.rowsRead(), s.rowsRejected(), s.accounts(), s.transfers(), s.muleAccounts(),
						s.launderingTransfers(), seconds, s.rowsRead() / Math.max(seconds, 1e-9), out.toAbsolutePath());
			for (String r : s.firstRejections()) {
				spec.commandLine().getErr().println("rejected " + r);
			}
			return 0;
		}
		catch (IllegalArgumentException | ImportException e) {
			spec.commandLine().getErr().println("fanzha import: " + e.getMessage());
			return 2;
		}
	}

}
