package org.fanzha.platform;

import java.time.ZoneId;

/** The console shows every time in Beijing time, whatever zone the server's clock runs in. */
public final class BeijingTime {

	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private BeijingTime() {
	}
}
