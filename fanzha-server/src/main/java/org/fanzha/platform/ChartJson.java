package org.fanzha.platform;

import tools.jackson.databind.json.JsonMapper;

/**
 * A page's chart data as JSON for a {@code data-chart} attribute, which the page's script
 * file reads: the content security policy allows no inline script, so data cannot be
 * written into one.
 */
public final class ChartJson {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private ChartJson() {
	}

	public static String of(Object data) {
		return MAPPER.writeValueAsString(data);
	}

}
