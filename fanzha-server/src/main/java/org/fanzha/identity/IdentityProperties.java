package org.fanzha.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param demoUsers create the sample agencies and one user per role on start-up
 * ({@code ./fanzha demo})
 * @param demoPassword password of every demo user
 * @param tokenTtl lifetime of an API token for a system account (a bank's or operator's
 * gateway: no phone)
 * @param personTokenTtl lifetime of an API token for a person (an account with a phone
 * number)
 * @param maxFailuresPerUser failed sign-ins for one user name within {@code lockout}
 * before it is locked for that long
 * @param maxFailuresPerAddress failed sign-ins from one address within {@code lockout}
 * before it is locked for that long
 * @param lockout the window the failures are counted in, and how long a lock lasts
 */
@ConfigurationProperties("fanzha.identity")
public record IdentityProperties(@DefaultValue("false") boolean demoUsers,
		@DefaultValue("fanzha2026") String demoPassword, @DefaultValue("90d") Duration tokenTtl,
		@DefaultValue("8h") Duration personTokenTtl, @DefaultValue("5") int maxFailuresPerUser,
		@DefaultValue("20") int maxFailuresPerAddress, @DefaultValue("15m") Duration lockout) {
}
