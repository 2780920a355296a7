package org.fanzha.identity;

import java.util.Set;

/**
 * A user to register. Validated by {@link Directory#register(NewUser)}.
 *
 * @param phone mainland mobile number, optional
 */
public record NewUser(String username, String password, String displayName, String phone, String agencyCode,
		Set<Role> roles) {
}
