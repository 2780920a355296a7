package org.fanzha.identity;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * The protected areas of the platform: a console section and its API prefix, and the
 * roles that may enter. The security configuration and the console navigation are both
 * built from this one table. {@code issue} names the work item that fills the area.
 */
public enum Area {

	CASES("/cases", "/api/v1/cases", 5, Role.CENTRE_OFFICER, Role.STATION_OFFICER, Role.PROCURATOR),
	FUNDS("/funds", "/api/v1/funds", 5, Role.CENTRE_OFFICER, Role.BANK_OFFICER),
	MONITORING("/monitoring", "/api/v1/transfers", 6, Role.BANK_OFFICER, Role.CENTRE_OFFICER),
	TELECOM("/telecom", "/api/v1/sims", 7, Role.TELECOM_OFFICER, Role.CENTRE_OFFICER), WARNINGS("/warnings",
			"/api/v1/warnings", 8, Role.CENTRE_OFFICER, Role.STATION_OFFICER, Role.BANK_OFFICER, Role.TELECOM_OFFICER),
	SCHOOLS("/schools", "/api/v1/schools", 8, Role.SCHOOL_OFFICER, Role.CENTRE_OFFICER),
	CARD_CUTTING("/cardcutting", "/api/v1/cardcutting", 8, Role.CENTRE_OFFICER, Role.STATION_OFFICER, Role.BANK_OFFICER,
			Role.TELECOM_OFFICER),
	LINKING("/linking", "/api/v1/linking", 9, Role.CENTRE_OFFICER, Role.PROCURATOR),
	STATISTICS("/statistics", "/api/v1/statistics", 9, Role.OVERSIGHT, Role.CENTRE_OFFICER, Role.ADMIN),
	AUDIT("/audit", "/api/v1/audit", 2, Role.OVERSIGHT, Role.ADMIN),
	ADMINISTRATION("/admin", "/api/v1/admin", 2, Role.ADMIN);

	private final String consolePath;

	private final String apiPath;

	private final int issue;

	private final Set<Role> roles;

	Area(String consolePath, String apiPath, int issue, Role... roles) {
		this.consolePath = consolePath;
		this.apiPath = apiPath;
		this.issue = issue;
		this.roles = EnumSet.copyOf(Arrays.asList(roles));
	}

	public String consolePath() {
		return consolePath;
	}

	public String apiPath() {
		return apiPath;
	}

	public int issue() {
		return issue;
	}

	public Set<Role> roles() {
		return EnumSet.copyOf(roles);
	}

	public boolean admits(Role role) {
		return roles.contains(role);
	}

	public boolean admitsAny(Set<Role> held) {
		for (Role r : held) {
			if (roles.contains(r)) {
				return true;
			}
		}
		return false;
	}

	public String[] roleNames() {
		return roles.stream().map(Role::name).toArray(String[]::new);
	}

	/**
	 * The admitted roles that may also change something here (every admitted role but the
	 * read-only ones).
	 */
	public String[] writerRoleNames() {
		return roles.stream().filter(r -> !r.readsOnly()).map(Role::name).toArray(String[]::new);
	}

	/** Message key of the display name, e.g. {@code area.cases}. */
	public String messageKey() {
		return "area." + name().toLowerCase();
	}

}
