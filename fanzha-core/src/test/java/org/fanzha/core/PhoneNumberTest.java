package org.fanzha.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {

	@ParameterizedTest
	@ValueSource(strings = { "13812345678", "+8613812345678", "+86 138 1234 5678", "8613812345678", "008613812345678",
			"138-1234-5678", " 138 1234 5678 " })
	void stripsPrefixesAndSeparators(String text) {
		assertThat(PhoneNumber.parse(text).value()).isEqualTo("13812345678");
	}

	@ParameterizedTest
	@CsvSource({ "13412345678, CHINA_MOBILE", "13912345678, CHINA_MOBILE", "14712345678, CHINA_MOBILE",
			"15712345678, CHINA_MOBILE", "17212345678, CHINA_MOBILE", "18412345678, CHINA_MOBILE",
			"19512345678, CHINA_MOBILE", "19812345678, CHINA_MOBILE", "13012345678, CHINA_UNICOM",
			"14512345678, CHINA_UNICOM", "16612345678, CHINA_UNICOM", "17612345678, CHINA_UNICOM",
			"18612345678, CHINA_UNICOM", "19612345678, CHINA_UNICOM", "13312345678, CHINA_TELECOM",
			"14912345678, CHINA_TELECOM", "17312345678, CHINA_TELECOM", "18012345678, CHINA_TELECOM",
			"19012345678, CHINA_TELECOM", "19912345678, CHINA_TELECOM", "19212345678, CHINA_BROADNET",
			"16212345678, MVNO", "16512345678, MVNO", "16712345678, MVNO", "17012345678, MVNO", "17112345678, MVNO",
			"14012345678, UNKNOWN", "17412345678, UNKNOWN", "15412345678, UNKNOWN", })
	void operatorFromSegment(String number, Operator operator) {
		PhoneNumber phone = PhoneNumber.parse(number);
		assertThat(phone.operator()).isEqualTo(operator);
		assertThat(phone.isMvnoSegment()).isEqualTo(operator == Operator.MVNO);
		assertThat(phone.segment()).isEqualTo(number.substring(0, 3));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "029-88881234     | looks like a landline: mobile numbers start with 1",
			"02988881234      | looks like a landline", "+86 29 8888 1234 | looks like a landline",
			"10012345678      | has unknown segment 100: the second digit must be 3-9",
			"12012345678      | has unknown segment 120", "1381234567       | must have 11 digits, got 10",
			"138123456789     | must have 11 digits, got 12", "+14155550100     | is not a mainland China number (+86)",
			"+85291234567     | is not a mainland China number (+86)", "1381234567a      | may contain only digits",
			"23812345678      | must start with 1", })
	void rejectsNonMobileNumbers(String text, String message) {
		assertThatThrownBy(() -> PhoneNumber.parse(text)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining(message);
		assertThat(PhoneNumber.isValid(text)).isFalse();
	}

	@Test
	void maskingAndEquality() {
		PhoneNumber phone = PhoneNumber.parse("+86 138 1234 5678");
		assertThat(phone.masked()).isEqualTo("138****5678");
		assertThat(phone).hasToString("138****5678").isEqualTo(PhoneNumber.parse("13812345678"));
		assertThatThrownBy(() -> PhoneNumber.parse(null)).hasMessage("phone number is missing");
		assertThatThrownBy(() -> PhoneNumber.parse(" ")).hasMessage("phone number is blank");
	}

	@Provide
	Arbitrary<String> mobiles() {
		return Arbitraries.strings()
			.numeric()
			.ofLength(9)
			.flatMap(rest -> Arbitraries.integers().between(3, 9).map(second -> "1" + second + rest));
	}

	@Property
	void maskedNeverShowsTheMiddle(@ForAll("mobiles") String number) {
		String masked = PhoneNumber.parse(number).masked();
		assertThat(masked).isEqualTo(number.substring(0, 3) + "****" + number.substring(7));
	}

}
