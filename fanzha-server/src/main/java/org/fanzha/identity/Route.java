package org.fanzha.identity;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who may use a part of an area: the bank gateway inside funds is the banks', the plan
 * and freezes are the centre's, and so on. The security configuration applies these
 * before the areas' own rules, in this order (the first that matches decides), so
 * controllers do not check roles themselves. {@code method} null means every method.
 */
public enum Route {

	BANK_GATEWAY(null, Set.of(Role.BANK_OFFICER), "/api/v1/funds/bank/**"),
	BANK_DECISIONS(null, Set.of(Role.BANK_OFFICER), "/api/v1/transfers/decisions", "/api/v1/transfers/decisions/**",
			"/api/v1/transfers/accounts"),
	/**
	 * A bank sends its feeds; the centre may read any feed's progress and restricted
	 * rows.
	 */
	BANK_FEEDS("POST", Set.of(Role.BANK_OFFICER), "/api/v1/transfers/feeds"),
	BANK_CONSOLE(null, Set.of(Role.BANK_OFFICER), "/funds/stops/*/answer", "/funds/queries/*/answer",
			"/funds/freezes/*/answer", "/funds/returns/*/executed"),
	CENTRE_FUNDS(null, Set.of(Role.CENTRE_OFFICER), "/api/v1/funds/cases/**", "/api/v1/funds/freezes/**",
			"/api/v1/funds/returns/**", "/api/v1/funds/queries", "/api/v1/funds/queries/**", "/api/v1/funds/statements",
			"/api/v1/funds/instructions", "/api/v1/funds/instructions/*/freeze", "/api/v1/funds/candidates/*/close",
			"/funds/board", "/funds/cases/**", "/funds/stops/*/freeze", "/funds/freezes/*/renew",
			"/funds/freezes/*/unfreeze", "/funds/freezes/*/returns", "/funds/returns/*/objections",
			"/funds/returns/*/decide", "/funds/returns/*/documents/**"),
	CENTRE_RULES("PUT", Set.of(Role.CENTRE_OFFICER), "/api/v1/transfers/rules"),
	CENTRE_RULES_CONSOLE("POST", Set.of(Role.CENTRE_OFFICER), "/monitoring/rules"),
	CENTRE_REFERRAL("POST", Set.of(Role.CENTRE_OFFICER), "/api/v1/linking/groups/*/referral",
			"/linking/groups/*/referral"),
	CENTRE_WARNING_STATISTICS(null, Set.of(Role.CENTRE_OFFICER), "/api/v1/warnings/statistics"), OPERATOR_APPLICATIONS(
			null, Set.of(Role.TELECOM_OFFICER), "/api/v1/sims/applications", "/api/v1/sims/applications/**");

	private final String method;

	private final Set<Role> roles;

	private final String[] patterns;

	Route(String method, Set<Role> roles, String... patterns) {
		this.method = method;
		this.roles = EnumSet.copyOf(roles);
		this.patterns = patterns;
	}

	/** The HTTP method the rule is for, or null for all. */
	public String method() {
		return method;
	}

	public String[] patterns() {
		return Arrays.copyOf(patterns, patterns.length);
	}

	public String[] roleNames() {
		return roles.stream().map(Role::name).toArray(String[]::new);
	}

	public boolean admits(Role role) {
		return roles.contains(role);
	}

}
