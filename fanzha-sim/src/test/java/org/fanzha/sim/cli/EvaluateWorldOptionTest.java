package org.fanzha.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Every evaluation takes {@code --world static|reacting} and names the world in its
 * output.
 */
class EvaluateWorldOptionTest {

	@Test
	void theWorldIsAnOptionOfEveryEvaluationAndNamedInTheJson() {
		for (String evaluation : new String[] { "recovery", "monitoring", "telecom", "warnings", "linking" }) {
			CliRun help = CliRun.of(new EvaluateCommand(), evaluation, "--help");
			assertThat(help.out()).as(evaluation).contains("--world");
		}
		CliRun reacting = CliRun.of(new EvaluateCommand(), "telecom", "--preset", "tiny", "--world", "reacting",
				"--json");
		assertThat(reacting.code()).isZero();
		assertThat(reacting.out()).startsWith("{\"world\":\"reacting\",\"preset\":\"tiny\"");
		CliRun text = CliRun.of(new EvaluateCommand(), "linking", "--preset", "tiny", "--world", "reacting");
		assertThat(text.out().lines().findFirst().orElse("")).endsWith("[reacting world]");
		CliRun fixed = CliRun.of(new EvaluateCommand(), "linking", "--preset", "tiny", "--json");
		assertThat(fixed.out()).startsWith("{\"world\":\"static\",");
	}

	@Test
	void anUnknownWorldIsRefused() {
		CliRun run = CliRun.of(new EvaluateCommand(), "recovery", "--preset", "tiny", "--world", "hostile");
		assertThat(run.code()).isEqualTo(2);
		assertThat(run.err()).contains("Unknown world 'hostile'");
	}

}
