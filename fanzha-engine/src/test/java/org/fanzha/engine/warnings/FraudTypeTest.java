package org.fanzha.engine.warnings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FraudTypeTest {

	@Test
	void everyWarningTypeComesBackFromItsCaseType() {
		for (FraudType t : FraudType.values()) {
			assertThat(FraudType.ofCase(t.caseType())).as(t.name()).isEqualTo(t);
		}
	}

	@Test
	void aCaseTypeWarningsDoNotGradeByIsUnknown() {
		assertThat(FraudType.ofCase(null)).isEqualTo(FraudType.UNKNOWN);
		for (org.fanzha.core.FraudType c : org.fanzha.core.FraudType.values()) { // style:fqn
			FraudType w = FraudType.ofCase(c);
			assertThat(w == FraudType.UNKNOWN || w.caseType() == c).as(c.name()).isTrue();
		}
	}

}
