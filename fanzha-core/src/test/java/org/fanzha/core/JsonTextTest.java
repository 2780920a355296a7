package org.fanzha.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonTextTest {

	@Test
	void quotesAndEscapes() {
		assertThat(JsonText.quote(null)).isEqualTo("null");
		assertThat(JsonText.quote("反诈 \"中心\"\\\n\t\u0001")).isEqualTo("\"反诈 \\\"中心\\\"\\\\\\n\\t\\u0001\"");
	}

}
