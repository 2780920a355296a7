package org.fanzha.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class MaskingTest {

	@Test
	void keepsStartAndEnd() {
		assertThat(Masking.mask("610102199001011231", 3, 4)).isEqualTo("610***********1231");
		assertThat(Masking.mask("13812345678", 3, 4)).isEqualTo("138****5678");
	}

	@Test
	void shortStringsAreFullyMasked() {
		assertThat(Masking.mask("1234567", 3, 4)).isEqualTo("*******");
		assertThat(Masking.mask("12", 3, 4)).isEqualTo("**");
		assertThat(Masking.mask("", 3, 4)).isEmpty();
	}

	@Test
	void countsCodePointsNotChars() {
		assertThat(Masking.mask("张𠀀三丰", 1, 1)).isEqualTo("张**丰");
	}

	@Test
	void rejectsNullAndNegativeKeeps() {
		assertThatThrownBy(() -> Masking.mask(null, 1, 1)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("null");
		assertThatThrownBy(() -> Masking.mask("abc", -1, 1)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining(">= 0");
	}

	@Property
	void middleIsAlwaysHidden(@ForAll("digits") String s, @ForAll @IntRange(max = 6) int start,
			@ForAll @IntRange(max = 6) int end) {
		String m = Masking.mask(s, start, end);
		assertThat(m).hasSameSizeAs(s);
		if (start + end >= s.length()) {
			assertThat(m).matches("\\**");
		}
		else {
			assertThat(m).startsWith(s.substring(0, start)).endsWith(s.substring(s.length() - end));
			assertThat(m.substring(start, s.length() - end)).matches("\\*+");
		}
	}

	@Provide
	Arbitrary<String> digits() {
		return Arbitraries.strings().numeric().ofMaxLength(25);
	}

}
