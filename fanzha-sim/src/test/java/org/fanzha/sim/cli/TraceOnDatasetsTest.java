package org.fanzha.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.fanzha.engine.cli.TraceCommand;
import org.fanzha.sim.importers.Importers;
import org.fanzha.sim.world.DatasetSink;
import org.fanzha.sim.world.SimConfig;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ./fanzha trace reads what the simulator and the importers write. */
class TraceOnDatasetsTest {

	@TempDir
	Path tmp;

	@Test
	void tracesAReportedCaseOfASimulatedWorld() throws Exception {
		Path world = tmp.resolve("world");
		DatasetSink.write(SimConfig.preset("tiny", 1), world);
		List<String> cases = Files.readAllLines(world.resolve("cases.csv"));
		String[] first = cases.get(1).split(",", -1);
		String[] payments = first[6].split(";");
		String[] args = new String[4 + 2 * payments.length];
		args[0] = "--data";
		args[1] = world.toString();
		args[2] = "--as-of";
		args[3] = first[1];
		for (int i = 0; i < payments.length; i++) {
			args[4 + 2 * i] = "--transfer";
			args[5 + 2 * i] = payments[i];
		}
		SimulateCommandTest.Run r = SimulateCommandTest.run(new TraceCommand(), args);
		assertThat(r.rc()).as(r.err()).isZero();
		assertThat(r.out()).contains("Stop-payment plan").contains(payments[0]);
	}

	@Test
	void tracesTheImportedAmlSimSample() throws Exception {
		Path sample = Path.of("..", "..", "shared", "datasets", "amlsim-20k-fanin-cycle");
		if (!Files.isDirectory(sample)) {
			if ("true".equals(System.getenv("CI"))) {
				throw new AssertionError("AMLSim sample missing at " + sample.toAbsolutePath());
			}
			Assumptions.abort("AMLSim sample not found at " + sample.toAbsolutePath());
		}
		Path out = tmp.resolve("amlsim");
		Importers.run(Importers.Format.AMLSIM, List.of(sample), out);
		String laundering = Files.readAllLines(out.resolve("truth/laundering.csv")).get(1).split(",")[0];
		SimulateCommandTest.Run r = SimulateCommandTest.run(new TraceCommand(), "--data", out.toString(), "--transfer",
				laundering, "--policy", "poison", "--max-hops", "3", "--json");
		assertThat(r.rc()).as(r.err()).isZero();
		assertThat(r.out()).startsWith("{\"policy\":\"poison\"")
			.contains("\"flows\":[{\"transfer\":\"" + laundering + "\"");
	}

}
