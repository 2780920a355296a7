package org.fanzha.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every bank a form offers has a name in each language, so no page shows the picker's or
 * a table's code instead.
 */
class FormChoicesTests {

	@ParameterizedTest
	@ValueSource(strings = { "messages.properties", "messages_en.properties" })
	void everyBankOnOfferHasANameInTheBundle(String bundle) throws Exception {
		Properties messages = new Properties();
		try (Reader in = new InputStreamReader(getClass().getClassLoader().getResourceAsStream(bundle),
				StandardCharsets.UTF_8)) {
			messages.load(in);
		}
		assertThat(FormChoices.BANKS).isNotEmpty()
			.allSatisfy(b -> assertThat(messages.getProperty("code.bank." + b.code())).as(bundle + " " + b.code())
				.isNotBlank());
	}

}
