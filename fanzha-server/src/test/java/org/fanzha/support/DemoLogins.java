package org.fanzha.support;

import java.util.Map;

import org.fanzha.identity.Role;

/**
 * The demo users created in every test context, one per role, as listed in the README.
 */
public final class DemoLogins {

	public static final String PASSWORD = "fanzha2026";

	public static final Map<Role, String> USER_BY_ROLE = Map.of(Role.ADMIN, "admin", Role.CENTRE_OFFICER, "centre",
			Role.STATION_OFFICER, "station", Role.BANK_OFFICER, "bank", Role.TELECOM_OFFICER, "telecom",
			Role.SCHOOL_OFFICER, "school", Role.PROCURATOR, "procurator", Role.OVERSIGHT, "oversight");

	private DemoLogins() {
	}

}
