package org.fanzha.sim.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/**
 * The calibration enum maps one to one onto the domain's fraud types, and agrees with
 * early warning's names.
 */
class FraudTypeMappingTest {

	@Test
	void everySimulatedTypeIsOneDomainTypeOfTheSameName() {
		assertThat(Arrays.stream(FraudType.values()).map(FraudType::domainType).distinct())
			.hasSize(org.fanzha.core.FraudType.values().length); // style:fqn
		for (FraudType t : FraudType.values()) {
			assertThat(t.domainType().name()).isEqualTo(t.name());
			assertThat(t.warningType().caseType()).isEqualTo(t.domainType());
		}
	}

}
