package org.fanzha.monitoring;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param modelFile a learned transfer-level model ({@code ./fanzha train monitoring}) whose score feeds the rules'
 *        {@code model} feature; none by default (the rules alone decide)
 */
@ConfigurationProperties("fanzha.monitoring")
public record MonitoringProperties(Path modelFile) {
}
