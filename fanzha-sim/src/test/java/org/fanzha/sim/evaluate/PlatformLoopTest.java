package org.fanzha.sim.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import org.fanzha.sim.world.SimConfig;
import org.junit.jupiter.api.Test;

/**
 * The loop between the engines and a reacting world: deterministic per seed, and the
 * world does react.
 */
class PlatformLoopTest {

	@Test
	void theSameSeedGivesTheSameReactingWorldAndFigures() {
		SimConfig reacting = SimConfig.preset("tiny", 42).withWorld("reacting");
		TelecomEvaluation.Report a = TelecomEvaluation.run(reacting);
		TelecomEvaluation.Report b = TelecomEvaluation.run(reacting);
		assertThat(a).isEqualTo(b);
		TelecomEvaluation.Report fixed = TelecomEvaluation.run(SimConfig.preset("tiny", 42));
		// the gangs took spare SIMs into use once theirs were restricted
		assertThat(a.activeFraudSims()).isGreaterThan(fixed.activeFraudSims());
		assertThat(a.fraudSims()).isGreaterThan(fixed.fraudSims());
	}

}
