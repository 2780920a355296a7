package org.fanzha.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param demoUsers create the sample agencies and one user per role on start-up ({@code ./fanzha demo})
 * @param demoPassword password of every demo user
 * @param tokenTtl lifetime of a newly issued API token
 */
@ConfigurationProperties("fanzha.identity")
public record IdentityProperties(@DefaultValue("false") boolean demoUsers,
		@DefaultValue("fanzha2026") String demoPassword,
		@DefaultValue("365d") Duration tokenTtl) {
}
