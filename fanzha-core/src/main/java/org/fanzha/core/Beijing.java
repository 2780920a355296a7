package org.fanzha.core;

import java.time.ZoneOffset;

/**
 * China Standard Time: UTC+8 all year (no daylight saving since 1991). The one zone in
 * which the platform counts days and night hours, sets legal deadlines (a freeze's six
 * months, a notice's 30 days) and shows every time. A {@link ZoneOffset} is a
 * {@link java.time.ZoneId}, so it serves both where an offset and where a zone is wanted.
 */
public final class Beijing {

	public static final ZoneOffset ZONE = ZoneOffset.ofHours(8);

	private Beijing() {
	}

}
