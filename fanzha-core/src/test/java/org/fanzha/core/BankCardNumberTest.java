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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BankCardNumberTest {

	@ParameterizedTest
	@ValueSource(strings = { "6222021234567894", "6222 0212 3456 7894", "6222-0212-3456-7894", "6228480012345678903",
			"4111111111111111", "621483012343" })
	void acceptsValidCards(String text) {
		assertThat(BankCardNumber.isValid(text)).isTrue();
		assertThat(BankCardNumber.parse(text).value()).doesNotContain(" ", "-");
	}

	@Test
	void accessorsAndMasking() {
		BankCardNumber card = BankCardNumber.parse("6222 0212 3456 7894");
		assertThat(card.value()).isEqualTo("6222021234567894");
		assertThat(card.bin()).isEqualTo("622202");
		assertThat(card.masked()).isEqualTo("6222 **** **** 7894");
		assertThat(card).hasToString("6222 **** **** 7894");
		assertThat(BankCardNumber.parse("6228480012345678903").masked()).isEqualTo("6228 **** **** *** 8903");
		assertThat(BankCardNumber.parse("621483012343").masked()).isEqualTo("6214 **** 2343");
		assertThat(card).isEqualTo(BankCardNumber.parse("6222021234567894"));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"6222021234567895   | bank card number 6222021234567895 fails the Luhn check: expected check digit 4, got 5",
			"62220212345        | must be 12 to 19 digits, got 11",
			"62220212345678901234 | must be 12 to 19 digits, got 20",
			"6222O21234567894   | contains 'O': only digits, spaces and hyphens are allowed",
			"'6222.0212.3456.7894' | contains '.'", })
	void rejectsBadCards(String text, String message) {
		assertThatThrownBy(() -> BankCardNumber.parse(text)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining(message);
		assertThat(BankCardNumber.isValid(text)).isFalse();
	}

	@Test
	void withLuhnDigit() {
		assertThat(BankCardNumber.withLuhnDigit("622202123456789")).isEqualTo("6222021234567894");
		assertThatThrownBy(() -> BankCardNumber.withLuhnDigit("1234567890")).hasMessageContaining("11 to 18 digits");
		assertThatThrownBy(() -> BankCardNumber.withLuhnDigit("12345678901x")).hasMessageContaining("11 to 18 digits");
		assertThatThrownBy(() -> BankCardNumber.parse(null)).hasMessage("bank card number is missing");
	}

	@Provide
	Arbitrary<String> validCards() {
		return Arbitraries.strings().numeric().ofMinLength(11).ofMaxLength(18).map(BankCardNumber::withLuhnDigit);
	}

	@Property
	void withLuhnDigitOutputAlwaysParses(@ForAll("validCards") String card) {
		assertThat(BankCardNumber.parse(card).value()).isEqualTo(card);
	}

	@Property
	void anySingleDigitChangeIsRejected(@ForAll("validCards") String card, @ForAll @IntRange(max = 18) int position,
			@ForAll @IntRange(min = 1, max = 9) int step) {
		int pos = position % card.length();
		char replacement = (char) ('0' + (card.charAt(pos) - '0' + step) % 10);
		String changed = card.substring(0, pos) + replacement + card.substring(pos + 1);
		assertThat(BankCardNumber.isValid(changed)).isFalse();
	}

	@Property
	void maskedNeverShowsTheMiddle(@ForAll("validCards") String card) {
		String masked = BankCardNumber.parse(card).masked().replace(" ", "");
		assertThat(masked).hasSameSizeAs(card)
			.startsWith(card.substring(0, 4))
			.endsWith(card.substring(card.length() - 4));
		assertThat(masked.substring(4, card.length() - 4)).matches("\\*+");
	}

}
