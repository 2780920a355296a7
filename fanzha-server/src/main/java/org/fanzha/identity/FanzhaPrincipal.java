package org.fanzha.identity;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.fanzha.audit.AuditedActor;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The authenticated user, from a console login, HTTP basic or an API token. */
public final class FanzhaPrincipal implements UserDetails, CredentialsContainer, AuditedActor {

	private final long userId;

	private final String username;

	private final String displayName;

	private final String agencyCode;

	private final AgencyType agencyType;

	private final Set<Role> roles;

	private final boolean enabled;

	private transient String passwordHash;

	FanzhaPrincipal(long userId, String username, String displayName, String agencyCode, AgencyType agencyType,
			Set<Role> roles, boolean enabled, String passwordHash) {
		this.userId = userId;
		this.username = username;
		this.displayName = displayName;
		this.agencyCode = agencyCode;
		this.agencyType = agencyType;
		this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
		this.enabled = enabled;
		this.passwordHash = passwordHash;
	}

	public long userId() {
		return userId;
	}

	@Override
	public String username() {
		return username;
	}

	public String displayName() {
		return displayName;
	}

	@Override
	public String agencyCode() {
		return agencyCode;
	}

	/**
	 * The institution of a bank's or operator's officer: agency {@code ICBC-SN} works for
	 * {@code ICBC}.
	 */
	public String institution() {
		int dash = agencyCode.indexOf('-');
		return dash > 0 ? agencyCode.substring(0, dash) : agencyCode;
	}

	public AgencyType agencyType() {
		return agencyType;
	}

	public Set<Role> roles() {
		return EnumSet.copyOf(roles.isEmpty() ? EnumSet.noneOf(Role.class) : roles);
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	/** Drops the hash once authentication is over so it does not live in the session. */
	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

	@Override
	public String toString() {
		return "FanzhaPrincipal[" + username + "@" + agencyCode + " " + List.copyOf(roles) + "]";
	}

}
