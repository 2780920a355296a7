package org.fanzha.monitoring;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param modelFile a learned transfer-level model ({@code ./fanzha train monitoring})
 * whose score feeds the rules' {@code model} feature; none by default (the rules alone
 * decide)
 * @param replay how much of the ledger a restarted monitor replays to rebuild its windows
 * (24 h by default, the longest window)
 */
@ConfigurationProperties("fanzha.monitoring")
public record MonitoringProperties(Path modelFile, Duration replay) {

	Duration replayOrDefault() {
		return replay == null ? Duration.ofHours(24) : replay;
	}
}
