package org.fanzha.engine.warnings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fanzha.engine.warnings.HelpingCrimeThresholds.Consequences;
import org.fanzha.engine.warnings.HelpingCrimeThresholds.Facts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HelpingCrimeThresholdsTest {

	private final HelpingCrimeThresholds thresholds = new HelpingCrimeThresholds();

	/** One fact set to {@code value}, everything else zero. */
	private static Facts only(String field, long value, boolean established) {
		return new Facts(field.equals("targets") ? (int) value : 0, field.equals("settlement") ? value : 0,
				field.equals("advertising") ? value : 0, field.equals("gains") ? value : 0, false, Consequences.NONE,
				field.equals("cards") ? (int) value : 0, field.equals("sims") ? (int) value : 0, established);
	}

	@ParameterizedTest(name = "{0} = {1}, established {2} ⇒ serious {3} ({4})")
	@CsvSource({
			// art. 12 para. 1: exactly at the standard, and one below
			"targets,     3,          true,  true,  TARGETS", "targets,     2,          true,  false, ''",
			"settlement,  20000000,   true,  true,  SETTLEMENT", "settlement,  19999999,   true,  false, ''",
			"advertising, 5000000,    true,  true,  ADVERTISING_FUNDS", "advertising, 4999999,    true,  false, ''",
			"gains,       1000000,    true,  true,  ILLEGAL_GAINS", "gains,       999999,     true,  false, ''",
			// Opinion (II): counts of cards
			"cards,       5,          true,  true,  BANK_CARDS", "cards,       4,          true,  false, ''",
			"sims,        20,         true,  true,  SIM_CARDS", "sims,        19,         true,  false, ''",
			// art. 12 para. 2: helped crime unproven ⇒ 5× the amounts of items (2)-(4)
			"settlement,  100000000,  false, true,  SETTLEMENT_5X", "settlement,  99999999,   false, false, ''",
			"settlement,  20000000,   false, false, ''", "advertising, 25000000,   false, true,  ADVERTISING_FUNDS_5X",
			"advertising, 24999999,   false, false, ''", "gains,       5000000,    false, true,  ILLEGAL_GAINS_5X",
			"gains,       4999999,    false, false, ''",
			// counts are not amounts: not covered by the 5× rule
			"targets,     30,         false, false, ''", "cards,       100,        false, false, ''",
			"sims,        100,        false, false, ''" })
	void boundaries(String field, long value, boolean established, boolean serious, String code) {
		var a = thresholds.assess(only(field, value, established));
		assertThat(a.serious()).isEqualTo(serious);
		if (serious) {
			assertThat(a.met()).singleElement().satisfies(m -> {
				assertThat(m.code()).isEqualTo(code);
				assertThat(m.source()).contains("法释〔2019〕15号第十二条");
			});
		}
		else {
			assertThat(a.met()).isEmpty();
		}
	}

	@ParameterizedTest(name = "prior {0}, consequences {1}, established {2} ⇒ {3}")
	@CsvSource({ "true, NONE, true, PRIOR_PENALTY", "false, SERIOUS, true, SERIOUS_CONSEQUENCES",
			"false, ESPECIALLY_SERIOUS, true, SERIOUS_CONSEQUENCES",
			"false, ESPECIALLY_SERIOUS, false, ESPECIALLY_SERIOUS_CONSEQUENCES" })
	void priorPenaltyAndConsequences(boolean prior, Consequences c, boolean established, String code) {
		var a = thresholds.assess(new Facts(0, 0, 0, 0, prior, c, 0, 0, established));
		assertThat(a.serious()).isTrue();
		assertThat(a.has(code)).isTrue();
	}

	@Test
	void unprovenWithOnlySeriousConsequencesOrPriorPenaltyIsNotEnough() {
		assertThat(thresholds.assess(new Facts(5, 0, 0, 0, true, Consequences.SERIOUS, 0, 0, false)).serious())
			.isFalse();
	}

	@Test
	void severalThresholdsAreAllReportedWithTheirFacts() {
		var a = thresholds.assess(new Facts(4, 25_000_000L, 0, 1_200_050L, false, null, 6, 0, true));
		assertThat(a.met()).extracting(HelpingCrimeThresholds.Met::code)
			.containsExactly("TARGETS", "SETTLEMENT", "ILLEGAL_GAINS", "BANK_CARDS");
		assertThat(a.met().get(2).text()).contains("12000.50元").contains("10000.00元");
		assertThat(a.met().get(3).source()).contains("意见（二）");
	}

	@Test
	void negativeFactsAreRefused() {
		assertThatThrownBy(() -> new Facts(0, -1, 0, 0, false, null, 0, 0, true))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
