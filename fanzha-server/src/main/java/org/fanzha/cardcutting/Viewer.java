package org.fanzha.cardcutting;

import org.fanzha.core.Masking;
import org.fanzha.core.RegionCode;
import org.fanzha.identity.Role;

/**
 * Who is asking, as card-cutting scopes and masks: the role that opens the area to them,
 * their agency and its region. Police (centre, station) see whole numbers; banks,
 * operators and schools see masked ones. A station sees the persons of its own region; a
 * school its own students.
 */
public record Viewer(String username, Role role, String agencyCode, RegionCode region) {

	public Viewer {
		if (username == null || role == null || agencyCode == null || region == null) {
			throw new IllegalArgumentException("a viewer has a username, a role, an agency and its region");
		}
	}

	public boolean police() {
		return role == Role.CENTRE_OFFICER || role == Role.STATION_OFFICER;
	}

	public boolean centre() {
		return role == Role.CENTRE_OFFICER;
	}

	/** Art. 31: a centre officer of a prefecture-level or provincial unit. */
	public boolean mayDecide() {
		return role == Role.CENTRE_OFFICER && (region.isPrefecture() || region.isProvince());
	}

	String id(String idNumber) {
		return police() ? idNumber : Masking.mask(idNumber, 3, 4);
	}

	String phone(String phone) {
		if (phone == null) {
			return null;
		}
		return police() ? phone : Masking.mask(phone, 3, 4);
	}
}
