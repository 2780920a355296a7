package org.fanzha.identity;

import java.util.EnumSet;
import java.util.Set;

/** The kinds of agency that share the platform, and which roles their staff may hold. */
public enum AgencyType {

	ANTI_FRAUD_CENTRE(EnumSet.of(Role.CENTRE_OFFICER, Role.ADMIN)), POLICE_STATION(EnumSet.of(Role.STATION_OFFICER)),
	BANK(EnumSet.of(Role.BANK_OFFICER)), TELECOM_OPERATOR(EnumSet.of(Role.TELECOM_OFFICER)),
	SCHOOL(EnumSet.of(Role.SCHOOL_OFFICER)), PROCURATORATE(EnumSet.of(Role.PROCURATOR)),
	OVERSIGHT(EnumSet.of(Role.OVERSIGHT, Role.ADMIN));

	private final Set<Role> allowedRoles;

	AgencyType(Set<Role> allowedRoles) {
		this.allowedRoles = allowedRoles;
	}

	public boolean allows(Role role) {
		return allowedRoles.contains(role);
	}

	public Set<Role> allowedRoles() {
		return EnumSet.copyOf(allowedRoles);
	}

}
