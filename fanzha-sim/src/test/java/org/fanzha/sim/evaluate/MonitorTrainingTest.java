package org.fanzha.sim.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import org.fanzha.engine.monitor.model.ModelFile;
import org.fanzha.sim.world.SimConfig;
import org.junit.jupiter.api.Test;

class MonitorTrainingTest {

	static final SimConfig TINY = SimConfig.preset("tiny", 5);

	@Test
	void negativesAreCappedDeterministicallyAndEveryPositiveIsKept() {
		MonitorTraining.Result all = MonitorTraining.fromSimulation(TINY, "logistic", Integer.MAX_VALUE);
		MonitorTraining.Result capped = MonitorTraining.fromSimulation(TINY, "logistic", 2_000);
		MonitorTraining.Result again = MonitorTraining.fromSimulation(TINY, "logistic", 2_000);
		assertThat(all.negativeRate()).isEqualTo(1.0);
		int allPositives = all.positives() + all.heldOutPositives();
		assertThat(allPositives).isPositive();
		assertThat(capped.positives() + capped.heldOutPositives()).isEqualTo(allPositives);
		int cappedNegatives = capped.rows() + capped.heldOutRows() - allPositives;
		assertThat(cappedNegatives).isLessThanOrEqualTo(2_000).isGreaterThan(500);
		assertThat(capped.negativeRate()).isLessThan(1.0);
		// the kept share matches the rate (hash sampling is uniform)
		int allNegatives = all.rows() + all.heldOutRows() - allPositives;
		assertThat(cappedNegatives / (double) allNegatives).isBetween(capped.negativeRate() * 0.8,
				capped.negativeRate() * 1.2);
		assertThat(ModelFile.format(again.model())).isEqualTo(ModelFile.format(capped.model()));
		assertThat(capped.transfers()).isEqualTo(all.transfers());
	}

}
