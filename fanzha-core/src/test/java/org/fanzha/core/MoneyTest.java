package org.fanzha.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "1234.56     | 123456", "'1,234.56'  | 123456", "¥1234.5     | 123450", "￥1234.5    | 123450",
					"1234        | 123400", "0.01        | 1", "'1,234,567' | 123456700", "-¥12.00     | -1200",
					"' 88.8 '    | 8880", })
	void parsesCommonForms(String text, long fen) {
		assertThat(Money.parse(text).fen()).isEqualTo(fen);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "1.234       | more than 2 decimal places", "abc         | is not a number of yuan",
					"12a.5       | is not a number of yuan", "1234.       | is not a number of yuan",
					".5          | is not a number of yuan", "'1 234'     | is not a number of yuan",
					"--5         | is not a number of yuan", "'12,34'     | misplaced thousands separators",
					"'1,2345.00' | misplaced thousands separators", "99999999999999999999 | too large",
					"92233720368547758.08 | too large", })
	void rejectsBadInput(String text, String message) {
		assertThatThrownBy(() -> Money.parse(text)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining(message);
		assertThat(Money.isValid(text)).isFalse();
	}

	@Test
	void rejectsMissingAndBlank() {
		assertThatThrownBy(() -> Money.parse(null)).hasMessage("amount is missing");
		assertThatThrownBy(() -> Money.parse("  ")).hasMessage("amount is blank");
	}

	@Test
	void formatsWithYenSignAndGrouping() {
		assertThat(Money.ofFen(123456)).hasToString("¥1,234.56");
		assertThat(Money.ofFen(-1200)).hasToString("-¥12.00");
		assertThat(Money.ofFen(5)).hasToString("¥0.05");
		assertThat(Money.ofFen(-5)).hasToString("-¥0.05");
		assertThat(Money.ZERO).hasToString("¥0.00");
		assertThat(Money.ofFen(Long.MIN_VALUE)).hasToString("-¥92,233,720,368,547,758.08");
	}

	@Test
	void arithmetic() {
		Money a = Money.ofYuan(10);
		Money b = Money.parse("3.5");
		assertThat(a.plus(b)).isEqualTo(Money.ofFen(1350));
		assertThat(b.minus(a)).isEqualTo(Money.ofFen(-650));
		assertThat(b.minus(a).isNegative()).isTrue();
		assertThat(a.minus(a).isZero()).isTrue();
		assertThat(b.times(3)).isEqualTo(Money.ofFen(1050));
		assertThat(a).isGreaterThan(b);
		assertThat(Money.ofFen(-1)).isLessThan(Money.ZERO);
	}

	@Test
	void overflowIsAnError() {
		assertThatThrownBy(() -> Money.ofFen(Long.MAX_VALUE).plus(Money.ofFen(1)))
			.isInstanceOf(ArithmeticException.class)
			.hasMessageContaining("overflows");
		assertThatThrownBy(() -> Money.ofFen(Long.MIN_VALUE).minus(Money.ofFen(1)))
			.isInstanceOf(ArithmeticException.class);
		assertThatThrownBy(() -> Money.ofFen(Long.MAX_VALUE / 2).times(3)).isInstanceOf(ArithmeticException.class);
		assertThatThrownBy(() -> Money.ofYuan(Long.MAX_VALUE / 10)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("too large");
	}

	@Test
	void requirePositive() {
		assertThat(Money.ofFen(1).requirePositive("amount")).isEqualTo(Money.ofFen(1));
		assertThatThrownBy(() -> Money.ZERO.requirePositive("stop-payment amount"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("stop-payment amount must be > 0, got ¥0.00");
		assertThatThrownBy(() -> Money.ofFen(-100).requirePositive("amount"))
			.hasMessage("amount must be > 0, got -¥1.00");
	}

	@Test
	void allocatesByLargestRemainder() {
		assertThat(Money.allocateLargestRemainder(100, new long[] { 1, 1, 1 })).containsExactly(34, 33, 33);
		assertThat(Money.allocateLargestRemainder(10, new long[] { 0, 5, 5 })).containsExactly(0, 5, 5);
		// exact shares 14.2857, 28.5714, 57.1428: remainders .2857 .5714 .1428, one fen
		// left ⇒ index 1
		assertThat(Money.allocateLargestRemainder(100, new long[] { 1, 2, 4 })).containsExactly(14, 29, 57);
		assertThat(Money.allocateLargestRemainder(0, new long[] { 3, 7 })).containsExactly(0, 0);
		// product total × weight overflows a long
		long[] parts = Money.allocateLargestRemainder(Long.MAX_VALUE,
				new long[] { Long.MAX_VALUE / 2, Long.MAX_VALUE / 2 });
		assertThat(parts[0] + parts[1]).isEqualTo(Long.MAX_VALUE);
		assertThat(parts).containsExactly(Long.MAX_VALUE / 2 + 1, Long.MAX_VALUE / 2);
	}

	@Test
	void allocationRejectsBadInput() {
		assertThatThrownBy(() -> Money.allocateLargestRemainder(-1, new long[] { 1 }))
			.hasMessageContaining("total to allocate must be >= 0");
		assertThatThrownBy(() -> Money.allocateLargestRemainder(10, new long[] { 1, -2 }))
			.hasMessageContaining("weight 1 must be >= 0");
		assertThatThrownBy(() -> Money.allocateLargestRemainder(10, new long[] { 0, 0 }))
			.hasMessageContaining("must not all be zero");
		assertThatThrownBy(() -> Money.allocateLargestRemainder(10, new long[0]))
			.hasMessageContaining("must not be empty");
		assertThatThrownBy(() -> Money.allocateLargestRemainder(10, new long[] { Long.MAX_VALUE, 1 }))
			.hasMessageContaining("overflows");
	}

	@Property
	void allocationSumsToTotalAndStaysWithinOneFen(@ForAll @LongRange(min = 0) long total,
			@ForAll("weights") long[] weights) {
		Assume.that(Arrays.stream(weights).anyMatch(w -> w > 0));
		long[] parts = Money.allocateLargestRemainder(total, weights);
		BigInteger sumWeights = BigInteger.ZERO;
		for (long w : weights) {
			sumWeights = sumWeights.add(BigInteger.valueOf(w));
		}
		BigInteger sumParts = BigInteger.ZERO;
		for (int i = 0; i < parts.length; i++) {
			sumParts = sumParts.add(BigInteger.valueOf(parts[i]));
			// |part - total·w/W| < 1 ⇔ |part·W - total·w| < W
			BigInteger diff = BigInteger.valueOf(parts[i])
				.multiply(sumWeights)
				.subtract(BigInteger.valueOf(total).multiply(BigInteger.valueOf(weights[i])));
			assertThat(diff.abs()).isLessThan(sumWeights);
			if (weights[i] == 0) {
				assertThat(parts[i]).isZero();
			}
		}
		assertThat(sumParts).isEqualTo(BigInteger.valueOf(total));
	}

	@Provide
	Arbitrary<long[]> weights() {
		Arbitrary<Long> small = Arbitraries.longs().between(0, 1_000);
		Arbitrary<Long> large = Arbitraries.longs().between(0, Long.MAX_VALUE / 20);
		return Arbitraries.oneOf(small, large).array(long[].class).ofMinSize(1).ofMaxSize(20);
	}

	@Property
	void toStringParsesBack(@ForAll @LongRange(min = Long.MIN_VALUE + 1) long fen) {
		assertThat(Money.parse(Money.ofFen(fen).toString())).isEqualTo(Money.ofFen(fen));
	}

}
