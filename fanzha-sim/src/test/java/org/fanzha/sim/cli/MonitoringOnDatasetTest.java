package org.fanzha.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.fanzha.sim.importers.Importers;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./fanzha evaluate monitoring --data DIR --json} on the shared AMLSim sample
 * (imported first): the learned account-level model against the default rules on a time
 * split. Skipped where the sample is absent.
 */
class MonitoringOnDatasetTest {

	static final Path SAMPLE = Path.of("..", "..", "shared", "datasets", "amlsim-20k-fanin-cycle");

	/**
	 * Measured on 2026-11-28: F1 0.758 (gbt, seed 42, split 0.6); the floor leaves room
	 * for other JVMs' rounding.
	 */
	static final double F1_FLOOR = 0.70;

	@TempDir
	static Path tmp;

	static Path data;

	static Map<String, Object> json;

	@BeforeAll
	static void importAndEvaluate() {
		boolean present = Files.isRegularFile(SAMPLE.resolve("nodes.csv"))
				&& Files.isRegularFile(SAMPLE.resolve("transactions.csv"));
		Assumptions.assumeTrue(present,
				"shared sample " + SAMPLE.toAbsolutePath().normalize() + " is absent; skipping");
		data = tmp.resolve("amlsim");
		Importers.run(Importers.Format.AMLSIM, List.of(SAMPLE), data);
		CliRun r = run("monitoring", "--data", data.toString(), "--json");
		assertThat(r.code()).as(r.err()).isZero();
		assertThat(r.out().strip()).doesNotContain("\n");
		json = MiniJson.object(r.out());
	}

	static CliRun run(String... args) {
		return CliRun.of(new EvaluateCommand(), args);
	}

	static double number(String key) {
		assertThat(json).containsKey(key);
		return (Double) json.get(key);
	}

	static long time(String key) {
		return OffsetDateTime.parse((String) json.get(key)).toEpochSecond();
	}

	@Test
	void theJsonHasTheKeys() {
		assertThat(json).containsKeys("precision", "recall", "f1", "legitDelayedPer10k", "rulesPrecision",
				"rulesRecall", "rulesF1", "trainAccounts", "testAccounts", "trainFrom", "trainTo", "testFrom", "testTo",
				"auc", "model");
		assertThat(json.get("model")).isEqualTo("gbt");
		assertThat(json.get("topFeatures")).isInstanceOf(List.class);
		for (String k : List.of("precision", "recall", "f1", "rulesPrecision", "rulesRecall", "rulesF1", "auc")) {
			assertThat(number(k)).as(k).isBetween(0.0, 1.0);
		}
	}

	@Test
	void theLearnedModelBeatsFlaggingEveryoneAndTheRules() {
		double f1 = number("f1");
		assertThat(number("flagEveryoneF1")).isBetween(0.1, 0.25); // about 9.6 % of the
																	// test accounts are
																	// mules
		assertThat(f1).isGreaterThan(number("flagEveryoneF1") + 0.3).isGreaterThan(F1_FLOOR);
		assertThat(f1).isGreaterThan(number("rulesF1") + 0.3);
		assertThat(number("auc")).isGreaterThan(0.8);
		assertThat(number("f1")).isCloseTo(
				2 * number("precision") * number("recall") / (number("precision") + number("recall")), within(1e-9));
		// scoring each account only with the model that was not fitted on it changes
		// little: no memorised accounts
		assertThat(number("unfittedF1")).isCloseTo(f1, within(0.05));
	}

	@Test
	void trainingAndTestDoNotOverlapInTime() throws IOException {
		long trainFrom = time("trainFrom");
		long trainTo = time("trainTo");
		long testFrom = time("testFrom");
		long testTo = time("testTo");
		assertThat(trainFrom).isLessThan(trainTo);
		assertThat(trainTo).isLessThanOrEqualTo(testFrom);
		assertThat(testFrom).isLessThan(testTo);
		assertThat((double) (trainTo - trainFrom)).isCloseTo(0.6 * (testTo - trainFrom), within(1.0));
		assertThat(time("testFeaturesFrom")).isGreaterThanOrEqualTo(trainFrom);
		// independently from transfers.csv: who is active before trainTo, and who at or
		// after testFrom
		Set<String> early = new HashSet<>();
		Set<String> late = new HashSet<>();
		long lateTransfers = 0;
		long first = Long.MAX_VALUE;
		long last = Long.MIN_VALUE;
		try (Stream<String> lines = Files.lines(data.resolve("transfers.csv"))) {
			for (String line : (Iterable<String>) lines.skip(1)::iterator) {
				String[] f = line.split(",", -1);
				long t = OffsetDateTime.parse(f[1]).toEpochSecond();
				first = Math.min(first, t);
				last = Math.max(last, t);
				assertThat(t < trainTo || t >= testFrom).isTrue();
				Set<String> side = t < trainTo ? early : late;
				side.add(f[2]);
				side.add(f[3]);
				lateTransfers += t >= testFrom ? 1 : 0;
			}
		}
		assertThat(trainFrom).isEqualTo(first);
		assertThat(testTo).isEqualTo(last);
		assertThat(number("trainAccounts")).isEqualTo(early.size());
		assertThat(number("testAccounts")).isEqualTo(late.size());
		assertThat(number("testTransfers")).isEqualTo(lateTransfers);
	}

	@Test
	void badOptionsEndWithOneLineAndExitCode2() {
		for (String[] args : List.of(new String[] { "monitoring", "--data", data.toString(), "--split", "1.5" },
				new String[] { "monitoring", "--data", data.toString(), "--model", "forest" },
				new String[] { "monitoring", "--data", tmp.resolve("nowhere").toString() },
				new String[] { "monitoring", "--data", tmp.toString() })) {
			CliRun r = run(args);
			assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
			assertThat(r.err().strip()).startsWith("fanzha evaluate monitoring: ").doesNotContain("\n");
			assertThat(r.out()).isEmpty();
		}
	}

}
