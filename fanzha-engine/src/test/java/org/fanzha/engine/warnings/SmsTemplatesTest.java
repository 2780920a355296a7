package org.fanzha.engine.warnings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SmsTemplatesTest {

	// any Unicode digit, so full-width digits cannot slip a number through
	private static final Pattern DIGITS = Pattern.compile("\\p{Nd}+");

	@ParameterizedTest
	@EnumSource(FraudType.class)
	void noLinksAndNoNumberButTheHotline(FraudType type) {
		String text = SmsTemplates.text(type);
		String lower = text.toLowerCase(Locale.ROOT);
		assertThat(lower).doesNotContain("http")
			.doesNotContain("www")
			.doesNotContain("://")
			.doesNotContain(".com")
			.doesNotContain(".cn");
		Matcher m = DIGITS.matcher(text);
		int runs = 0;
		while (m.find()) {
			assertThat(m.group()).isEqualTo(SmsTemplates.HOTLINE);
			runs++;
		}
		assertThat(runs).isEqualTo(1);
		assertThat(text).startsWith("【反诈预警】");
	}

	@Test
	void eachTypeHasItsOwnTextAndNullIsUnknown() {
		assertThat(Arrays.stream(FraudType.values()).map(SmsTemplates::text).distinct().count())
			.isEqualTo(FraudType.values().length);
		assertThat(SmsTemplates.text(null)).isEqualTo(SmsTemplates.text(FraudType.UNKNOWN));
	}

}
