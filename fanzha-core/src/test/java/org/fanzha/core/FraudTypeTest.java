package org.fanzha.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FraudTypeTest {

	@Test
	void theNineTypesOfDomainSection5WithChineseNames() {
		assertThat(FraudType.values()).hasSize(9);
		assertThat(FraudType.TASK_REBATE.label()).isEqualTo("刷单返利");
		assertThat(FraudType.ROMANCE_INVESTMENT.messageKey()).isEqualTo("fraudType.ROMANCE_INVESTMENT");
		for (FraudType t : FraudType.values()) {
			assertThat(t.label()).isNotBlank();
		}
	}

	@Test
	void parseAcceptsExactNamesOnly() {
		assertThat(FraudType.parse("FAKE_POLICE")).contains(FraudType.FAKE_POLICE);
		assertThat(FraudType.parse("fake_police")).isEmpty();
		assertThat(FraudType.parse("LOTTERY")).isEmpty();
		assertThat(FraudType.parse(null)).isEmpty();
	}

}
