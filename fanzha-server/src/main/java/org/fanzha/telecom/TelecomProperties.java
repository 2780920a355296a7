package org.fanzha.telecom;

import org.fanzha.engine.telecom.IssuanceCheck;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The issuance limits (defaults: DOMAIN.md §3 and operator policy; see
 * {@link org.fanzha.engine.telecom.IssuanceCheck.Limits}).
 */
@ConfigurationProperties("fanzha.telecom")
public record TelecomProperties(@DefaultValue("16") int minimumAge, @DefaultValue("5") int perOperator,
		@DefaultValue("10") int total, @DefaultValue("3") int applicationsLimit,
		@DefaultValue("30") int applicationWindowDays, @DefaultValue("5") int cardsPerAddress,
		@DefaultValue("30") int addressWindowDays, @DefaultValue("1") int listedMaxTotal) {

	IssuanceCheck.Limits limits() {
		return new IssuanceCheck.Limits(minimumAge, perOperator, total, applicationsLimit, applicationWindowDays,
				cardsPerAddress, addressWindowDays, listedMaxTotal);
	}
}
