package org.fanzha.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.assertj.core.api.Assertions;
import org.fanzha.engine.monitor.RuleSet;
import org.fanzha.engine.monitor.TransferMonitor;
import org.fanzha.engine.monitor.model.Model;
import org.fanzha.engine.monitor.model.ModelFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {

	@TempDir
	Path tmp;

	static CliRun run(String... args) {
		return CliRun.of(new TrainCommand(), args);
	}

	@Test
	void trainsOnTheTinyPresetAndWritesAModelThatLoads() throws Exception {
		Path file = tmp.resolve("models/monitor.model");
		CliRun r = run("monitoring", "--preset", "tiny", "--seed", "3", "--out", file.toString());
		assertThat(r.code()).as(r.err()).isZero();
		assertThat(r.out().strip()).doesNotContain("\n")
			.startsWith("trained gbt on preset tiny, seed 3: fitted on ")
			.contains("AUC")
			.endsWith(file.toString());
		Model m = ModelFile.load(file, RuleSet.FEATURES);
		assertThat(m.kind()).isEqualTo("gbt");
		assertThat(m.features()).isEqualTo(RuleSet.FEATURES);
		double[] x = new double[RuleSet.FEATURES.size()];
		assertThat(m.score(x)).isBetween(0.0, 1.0);
		// it plugs into the monitor as its model: the vector's "model" slot carries the
		// score
		TransferMonitor monitor = new TransferMonitor(RuleSet.parse(TransferMonitor.DEFAULT_RULES), 16, m::score);
		monitor.decide(1, 2, 500_000, 1_772_294_400L);
		double[] v = monitor.lastFeatures();
		double score = v[RuleSet.FEATURES.indexOf("model")];
		v[RuleSet.FEATURES.indexOf("model")] = 0; // as in training
		assertThat(score).isEqualTo(m.score(v)).isBetween(0.0, 1.0);
		// the held-out AUC is printed with three decimals; a model that learned nothing
		// would sit near 0.5
		String auc = r.out().replaceAll("(?s).*AUC ([0-9.]+),.*", "$1");
		assertThat(Double.parseDouble(auc)).isGreaterThan(0.8);
		// a model for another vector is refused
		List<String> other = new ArrayList<>(RuleSet.FEATURES);
		other.add("payee.somethingElse");
		Assertions.assertThatThrownBy(() -> ModelFile.load(file, other)).hasMessageContaining("retrain");
	}

	@Test
	void aLogisticModelToo() throws Exception {
		Path file = tmp.resolve("logistic.model");
		CliRun r = run("monitoring", "--preset", "tiny", "--model", "logistic", "--out", file.toString());
		assertThat(r.code()).as(r.err()).isZero();
		assertThat(Files.readString(file)).contains("kind logistic");
		assertThat(ModelFile.load(file, RuleSet.FEATURES).kind()).isEqualTo("logistic");
	}

	@Test
	void badOptionsEndWithOneLineAndExitCode2() {
		String out = tmp.resolve("m.model").toString();
		for (String[] args : List.of(new String[] { "monitoring", "--out", out },
				new String[] { "monitoring", "--preset", "tiny", "--data", tmp.toString(), "--out", out },
				new String[] { "monitoring", "--preset", "huge", "--out", out },
				new String[] { "monitoring", "--preset", "tiny", "--model", "forest", "--out", out },
				new String[] { "monitoring", "--preset", "tiny", "--out", tmp.toString() },
				new String[] { "monitoring", "--data", tmp.resolve("nowhere").toString(), "--out", out },
				new String[] { "monitoring", "--data", tmp.toString(), "--out", out })) {
			CliRun r = run(args);
			assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
			assertThat(r.err().strip()).as(String.join(" ", args))
				.startsWith("fanzha train monitoring: ")
				.doesNotContain("\n");
			assertThat(Files.exists(Path.of(out))).isFalse();
		}
		CliRun missing = run("monitoring", "--preset", "tiny");
		assertThat(missing.code()).isEqualTo(2);
		assertThat(missing.err()).contains("--out");
		CliRun alone = run();
		assertThat(alone.code()).isEqualTo(2);
		assertThat(alone.err()).startsWith("name the model to train: monitoring");
	}

}
