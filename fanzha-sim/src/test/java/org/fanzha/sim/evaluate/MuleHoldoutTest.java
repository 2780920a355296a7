package org.fanzha.sim.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.fanzha.engine.graph.DatasetLoader;
import org.fanzha.engine.graph.TransferGraph;
import org.fanzha.sim.importers.Importers;
import org.fanzha.sim.typology.AmlSimFormatGenerator;
import org.fanzha.sim.typology.Typology;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The held-out-typology evaluation splits typologies as asked, and no typology's mules
 * are rows on both sides: on small AMLSim-format files (generated, then imported).
 */
class MuleHoldoutTest {

	static final Set<String> TRAIN = Set.of("fan_in", "cycle", "fan_out", "scatter_gather");

	@TempDir
	static Path tmp;

	static Path data;

	@BeforeAll
	static void generate() throws IOException {
		Path raw = tmp.resolve("raw");
		AmlSimFormatGenerator.write(new AmlSimFormatGenerator.Options(2_000, 60, 6, EnumSet.allOf(Typology.class), 7),
				raw);
		data = tmp.resolve("data");
		Importers.run(Importers.Format.AMLSIM, List.of(raw), data);
	}

	@Test
	void testTypologiesDefaultToEveryOtherOne() {
		Set<String> present = Set.of("fan_in", "cycle", "stack", "bipartite", MuleHoldout.UNKNOWN);
		List<List<String>> split = MuleHoldout.split(present, Set.of("fan_in", "cycle"), Set.of());
		assertThat(split.get(0)).containsExactly("cycle", "fan_in");
		assertThat(split.get(1)).containsExactly("bipartite", "stack");
	}

	@Test
	void aTypologyOnBothSidesOrAbsentIsRefused() {
		Set<String> present = Set.of("fan_in", "cycle", "stack");
		assertThatThrownBy(() -> MuleHoldout.split(present, Set.of("fan_in"), Set.of("fan_in", "stack")))
			.hasMessageContaining("both trained on and tested");
		assertThatThrownBy(() -> MuleHoldout.split(present, Set.of("fan_out"), Set.of()))
			.hasMessageContaining("not in the dataset");
		assertThatThrownBy(() -> MuleHoldout.split(present, Set.of("fan_in", "cycle", "stack"), Set.of()))
			.hasMessageContaining("no typology left");
	}

	@Test
	void heldOutMulesAreNeverTrainingRowsAndTrainingMulesNeverTestRows() throws IOException {
		TransferGraph g = DatasetLoader.load(data);
		BitSet mules = MuleLabels.read(data, g);
		MuleHoldout.Typologies typ = MuleHoldout.typologies(data, g, mules);
		assertThat(typ.present()).containsExactlyInAnyOrder("fan_in", "fan_out", "cycle", "random", "scatter_gather",
				"gather_scatter", "stack", "bipartite");
		List<String> test = MuleHoldout.split(typ.present(), TRAIN, Set.of()).get(1);
		assertThat(test).containsExactly("bipartite", "gather_scatter", "random", "stack");
		BitSet laundering = MuleHoldout.launderingTransfers(data, g);
		long t0 = g.time(0);
		long t1 = g.time(g.transfers() - 1) + 1;
		long tv = t0 + (t1 - t0) / 2;
		MuleHoldout.Period train = MuleHoldout.period(g, mules, typ, laundering, t0, tv);
		MuleHoldout.Period later = MuleHoldout.period(g, mules, typ, laundering, tv, t1);
		BitSet fitted = train.accounts(TRAIN);
		BitSet tested = later.accounts(Set.copyOf(test));
		int trainMules = 0;
		int testMules = 0;
		for (int a = 0; a < g.accounts(); a++) {
			if (!mules.get(a)) {
				continue;
			}
			if (fitted.get(a)) {
				trainMules++;
				assertThat(TRAIN).as(g.accountId(a)).contains(typ.of()[a]);
			}
			if (tested.get(a)) {
				testMules++;
				assertThat(test).as(g.accountId(a)).contains(typ.of()[a]);
			}
		}
		assertThat(trainMules).isPositive();
		assertThat(testMules).isPositive();
	}

	@Test
	void theReportNamesDisjointTypologiesAndScoresEachSet() throws IOException {
		MuleHoldout.Report r = MuleHoldout.run(data, TRAIN, Set.of(), 0.5, 0.2, "logistic", 42);
		assertThat(r.trainTypologies()).doesNotContainAnyElementsOf(r.testTypologies());
		assertThat(r.heldOut().positives()).isPositive();
		assertThat(r.allLater().positives()).isEqualTo(r.heldOut().positives() + r.seenLater().positives());
		assertThat(r.t0()).isLessThan(r.tv());
		assertThat(r.tv()).isLessThan(r.ts());
		assertThat(r.ts()).isLessThan(r.t1());
	}

}
