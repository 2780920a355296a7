package org.fanzha.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdNumberTest {

	private static final LocalDate TODAY = LocalDate.of(2024, 6, 1);

	@Test
	void parsesTheStandardsExample() {
		// GB 11643-1999's own example: Beijing Chaoyang, 1949-12-31, female.
		IdNumber id = IdNumber.parse("11010519491231002X", TODAY);
		assertThat(id.value()).isEqualTo("11010519491231002X");
		assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
		assertThat(id.gender()).isEqualTo(Gender.FEMALE);
		assertThat(id.regionCode().value()).isEqualTo("110105");
		assertThat(id.regionCode().province().name()).contains("北京市");
	}

	@Test
	void parsesShaanxiNumber() {
		IdNumber id = IdNumber.parse("610102199001011231", TODAY);
		assertThat(id.regionCode().name()).contains("新城区");
		assertThat(id.gender()).isEqualTo(Gender.MALE);
		assertThat(id.ageOn(LocalDate.of(2024, 1, 1))).isEqualTo(34);
		assertThat(id.ageOn(LocalDate.of(2023, 12, 31))).isEqualTo(33);
		assertThat(id.masked()).isEqualTo("610***********1231");
		assertThat(id).hasToString("610***********1231");
	}

	@Test
	void acceptsLeapDayAndLowercaseX() {
		assertThat(IdNumber.parse("440306200002290025", TODAY).birthDate()).isEqualTo(LocalDate.of(2000, 2, 29));
		IdNumber lower = IdNumber.parse("11010519491231002x", TODAY);
		assertThat(lower.value()).endsWith("X");
		assertThat(lower).isEqualTo(IdNumber.parse("11010519491231002X", TODAY));
	}

	@Test
	void acceptsRetiredCountyCodes() {
		// 610125 户县 became 610118 鄠邑区 in 2016; numbers issued there stay valid.
		IdNumber id = IdNumber.parse("610125197003010035", TODAY);
		assertThat(id.regionCode().value()).isEqualTo("610125");
		assertThat(id.regionCode().name()).isEmpty();
		assertThat(id.regionCode().prefecture().name()).contains("西安市");
		assertThat(RegionCode.isValid("610125")).isFalse();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "61010219900101123X  | ID number 61010219900101123X has wrong check digit: expected 1, got X",
					"610102199001011232  | has wrong check digit: expected 1, got 2",
					"61010219900101123   | ID number must be 18 characters, got 17",
					"6101021990010112311 | ID number must be 18 characters, got 19",
					"61010219900101A231  | must be 17 digits followed by a digit or X",
					"61010219900101123Y  | must be 17 digits followed by a digit or X", })
	void rejectsMalformed(String text, String message) {
		assertThatThrownBy(() -> IdNumber.parse(text, TODAY)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining(message);
		assertThat(IdNumber.isValid(text, TODAY)).isFalse();
	}

	@Test
	void rejectsImpossibleBirthDates() {
		assertThatThrownBy(() -> IdNumber.parse(IdNumber.withCheckDigit("61010219990230123"), TODAY))
			.hasMessageContaining("invalid birth date 19990230");
		assertThatThrownBy(() -> IdNumber.parse(IdNumber.withCheckDigit("61010219991301123"), TODAY))
			.hasMessageContaining("invalid birth date 19991301");
		assertThatThrownBy(() -> IdNumber.parse(IdNumber.withCheckDigit("61010220010229123"), TODAY))
			.hasMessageContaining("invalid birth date 20010229");
		assertThatThrownBy(() -> IdNumber.parse(IdNumber.withCheckDigit("61010218991231123"), TODAY))
			.hasMessageContaining("birth date 18991231 before 1900");
	}

	@Test
	void rejectsFutureBirthDate() {
		String born = IdNumber.withCheckDigit("61010220240602123");
		assertThatThrownBy(() -> IdNumber.parse(born, TODAY)).hasMessageContaining("birth date 20240602 in the future");
		assertThat(IdNumber.isValid(born, TODAY.plusDays(1))).isTrue();
		assertThat(IdNumber.isValid(IdNumber.withCheckDigit("61010221000101123"))).isFalse();
		assertThat(IdNumber.isValid("610102199001011231")).isTrue();
	}

	@Test
	void rejectsUnknownProvince() {
		assertThatThrownBy(() -> IdNumber.parse(IdNumber.withCheckDigit("99010219900101123"), TODAY))
			.hasMessageContaining("implausible region code")
			.hasMessageContaining("unknown province prefix 99");
		assertThatThrownBy(() -> IdNumber.parse(IdNumber.withCheckDigit("00000019900101123"), TODAY))
			.hasMessageContaining("unknown province prefix 00");
	}

	@Test
	void ageOnRejectsDatesBeforeBirth() {
		IdNumber id = IdNumber.parse("610102199001011231", TODAY);
		assertThatThrownBy(() -> id.ageOn(LocalDate.of(1989, 12, 31))).hasMessageContaining("before the birth date");
		assertThat(id.ageOn(id.birthDate())).isZero();
	}

	@Test
	void withCheckDigitRejectsBadBodies() {
		assertThatThrownBy(() -> IdNumber.withCheckDigit("6101021990010112")).hasMessageContaining("exactly 17 digits");
		assertThatThrownBy(() -> IdNumber.withCheckDigit("6101021990010112a"))
			.hasMessageContaining("exactly 17 digits");
		assertThatThrownBy(() -> IdNumber.parse(null)).hasMessage("ID number is missing");
	}

	// --- properties -------------------------------------------------------------------

	private static final List<String> PROVINCES = List.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32",
			"33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62",
			"63", "64", "65", "71", "81", "82");

	@Provide
	Arbitrary<String> validIds() {
		Arbitrary<String> province = Arbitraries.of(PROVINCES);
		Arbitrary<String> rest = Arbitraries.strings().numeric().ofLength(4);
		Arbitrary<LocalDate> birth = Arbitraries.longs()
			.between(LocalDate.of(1900, 1, 1).toEpochDay(), TODAY.toEpochDay())
			.map(LocalDate::ofEpochDay);
		Arbitrary<String> seq = Arbitraries.strings().numeric().ofLength(3);
		return Combinators.combine(province, rest, birth, seq)
			.as((p, r, b, s) -> IdNumber.withCheckDigit(
					p + r + String.format("%04d%02d%02d", b.getYear(), b.getMonthValue(), b.getDayOfMonth()) + s));
	}

	@Property
	void withCheckDigitOutputAlwaysParses(@ForAll("validIds") String id) {
		IdNumber parsed = IdNumber.parse(id, TODAY);
		assertThat(parsed.value()).isEqualTo(id);
		assertThat(parsed.gender()).isEqualTo((id.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE);
	}

	@Property
	void anySingleCharacterChangeIsRejected(@ForAll("validIds") String id, @ForAll @IntRange(max = 17) int pos,
			@ForAll @IntRange(min = 1, max = 10) int shift) {
		// Digits cycle through 0-9 (and X at the check position), always landing on a
		// different character.
		String alphabet = pos == 17 ? "0123456789X" : "0123456789";
		int from = alphabet.indexOf(id.charAt(pos));
		int step = 1 + (shift - 1) % (alphabet.length() - 1);
		char replacement = alphabet.charAt((from + step) % alphabet.length());
		String changed = id.substring(0, pos) + replacement + id.substring(pos + 1);
		assertThat(changed).isNotEqualTo(id);
		assertThat(IdNumber.isValid(changed, TODAY)).isFalse();
	}

	@Property
	void maskedNeverShowsTheMiddle(@ForAll("validIds") String id) {
		String masked = IdNumber.parse(id, TODAY).masked();
		assertThat(masked).hasSize(18).startsWith(id.substring(0, 3)).endsWith(id.substring(14));
		assertThat(masked.substring(3, 14)).isEqualTo("*".repeat(11));
	}

}
