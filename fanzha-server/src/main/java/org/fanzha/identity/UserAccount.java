package org.fanzha.identity;

import java.util.Set;

/**
 * A user as shown to administrators. The phone number is personal data: reading it is
 * audited.
 */
public record UserAccount(long id, String username, String displayName, String phone, String agencyCode,
		Set<Role> roles, boolean enabled) {
}
