package org.fanzha.engine.linking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.fanzha.engine.linking.FraudAmountThresholds.AmountLevel;
import org.fanzha.engine.linking.FraudAmountThresholds.Attempts;
import org.fanzha.engine.linking.FraudAmountThresholds.Circumstances;
import org.fanzha.engine.linking.FraudAmountThresholds.Fraud;
import org.junit.jupiter.api.Test;

class FraudAmountThresholdsTest {

	static final FraudAmountThresholds T = new FraudAmountThresholds();

	static Instant at(int y, int m, int d) {
		return LocalDateTime.of(y, m, d, 12, 0).toInstant(ZoneOffset.ofHours(8));
	}

	@Test
	void amountLevelsAreExactAtTheBoundaries() {
		assertThat(T.level(299_999)).isEqualTo(AmountLevel.NONE);
		assertThat(T.level(300_000)).isEqualTo(AmountLevel.LARGE);
		assertThat(T.level(2_999_999)).isEqualTo(AmountLevel.LARGE);
		assertThat(T.level(3_000_000)).isEqualTo(AmountLevel.HUGE);
		assertThat(T.level(49_999_999)).isEqualTo(AmountLevel.HUGE);
		assertThat(T.level(50_000_000)).isEqualTo(AmountLevel.ESPECIALLY_HUGE);
		assertThat(T.level(0)).isEqualTo(AmountLevel.NONE);
	}

	@Test
	void repeatedFraudWithinTwoYearsIsAddedUp() {
		// two frauds of ¥1,500 exactly two years apart (inclusive) make ¥3,000: large
		var a = T.assess(List.of(new Fraud(at(2024, 3, 1), 150_000), new Fraud(at(2026, 3, 1), 150_000)),
				Attempts.NONE);
		assertThat(a.accumulatedFen()).isEqualTo(300_000);
		assertThat(a.fraudsInWindow()).isEqualTo(2);
		assertThat(a.level()).isEqualTo(AmountLevel.LARGE);
		assertThat(a.met()).singleElement().satisfies(m -> {
			assertThat(m.code()).isEqualTo("LARGE");
			assertThat(m.text()).contains("3000.00元").contains("二年内2次累计").contains("数额较大");
			assertThat(m.source()).contains("法释〔2011〕7号第一条");
		});
		// one day more than two years: not added up
		var b = T.assess(List.of(new Fraud(at(2024, 3, 1), 150_000), new Fraud(at(2026, 3, 2), 150_000)),
				Attempts.NONE);
		assertThat(b.accumulatedFen()).isEqualTo(150_000);
		assertThat(b.level()).isEqualTo(AmountLevel.NONE);
		assertThat(b.criminal()).isFalse();
	}

	@Test
	void theLargestTwoYearWindowCounts() {
		var a = T.assess(List.of(new Fraud(at(2026, 1, 1), 2_000_000), new Fraud(at(2020, 1, 1), 100_000),
				new Fraud(at(2025, 6, 1), 1_000_000), new Fraud(at(2021, 1, 1), 100_000)), Attempts.NONE);
		assertThat(a.accumulatedFen()).isEqualTo(3_000_000);
		assertThat(a.level()).isEqualTo(AmountLevel.HUGE);
		assertThat(a.windowFrom()).isEqualTo(at(2025, 6, 1));
		assertThat(a.windowTo()).isEqualTo(at(2026, 1, 1));
	}

	@Test
	void attemptedFraudCountsAreExactAndTenfoldIsEspeciallySerious() {
		assertThat(T.assess(List.of(), new Attempts(4_999, 499, 4_999)).attempted()).isEqualTo(Circumstances.NONE);
		assertThat(T.assess(List.of(), new Attempts(5_000, 0, 0)).attempted()).isEqualTo(Circumstances.SERIOUS);
		assertThat(T.assess(List.of(), new Attempts(0, 500, 0)).attempted()).isEqualTo(Circumstances.SERIOUS);
		assertThat(T.assess(List.of(), new Attempts(0, 0, 5_000)).attempted()).isEqualTo(Circumstances.SERIOUS);
		assertThat(T.assess(List.of(), new Attempts(0, 4_999, 0)).attempted()).isEqualTo(Circumstances.SERIOUS);
		var e = T.assess(List.of(), new Attempts(5_000, 5_000, 0));
		assertThat(e.attempted()).isEqualTo(Circumstances.ESPECIALLY_SERIOUS);
		assertThat(e.has("CALLS_10X")).isTrue();
		assertThat(e.has("MESSAGES")).isTrue();
		assertThat(e.criminal()).isTrue();
		assertThat(T.assess(List.of(), new Attempts(49_999, 0, 0)).attempted()).isEqualTo(Circumstances.SERIOUS);
		assertThat(T.assess(List.of(), new Attempts(0, 0, 50_000)).has("PAGE_VIEWS_10X")).isTrue();
	}

	@Test
	void noFraudIsNoAmount() {
		var a = T.assess(List.of(), Attempts.NONE);
		assertThat(a.accumulatedFen()).isZero();
		assertThat(a.windowFrom()).isNull();
		assertThat(a.met()).isEmpty();
	}

	@Test
	void badInputIsRejected() {
		assertThatThrownBy(() -> T.level(-1)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Fraud(null, 1)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Attempts(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new FraudAmountThresholds.Standards(300_000, 300_000, 50_000_000, 1, 1, 1, 10))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> T.assess(null, Attempts.NONE)).isInstanceOf(IllegalArgumentException.class);
	}

}
