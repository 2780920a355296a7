package org.fanzha.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxRequestBytes largest API request body accepted; larger ones get 413 before
 * any parsing
 * @param maxFeedBytes the same for bulk transfer feeds ({@code /api/v1/transfers/feeds}),
 * scored asynchronously
 */
@ConfigurationProperties("fanzha.platform")
public record PlatformProperties(@DefaultValue("1048576") long maxRequestBytes,
		@DefaultValue("33554432") long maxFeedBytes) {
}
