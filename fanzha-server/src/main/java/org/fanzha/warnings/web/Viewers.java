package org.fanzha.warnings.web;

import org.fanzha.core.RegionCode;
import org.fanzha.identity.Directory;
import org.fanzha.identity.FanzhaPrincipal;
import org.fanzha.identity.Role;
import org.fanzha.warnings.Warnings;

/** The viewer of dissuasion tasks for a signed-in user: a centre its region, a station its own tasks. */
final class Viewers {

	private Viewers() {
	}

	static Warnings.Viewer of(FanzhaPrincipal me, Directory directory) {
		if (me.has(Role.CENTRE_OFFICER)) {
			RegionCode region = directory.agency(me.agencyCode()).map(a -> a.regionCode()).orElse(null);
			return new Warnings.Viewer(me.username(), me.agencyCode(), Warnings.Viewer.Kind.CENTRE, prefix(region));
		}
		if (me.has(Role.STATION_OFFICER)) {
			return new Warnings.Viewer(me.username(), me.agencyCode(), Warnings.Viewer.Kind.STATION, null);
		}
		return new Warnings.Viewer(me.username(), me.agencyCode(), Warnings.Viewer.Kind.SENDER, null);
	}

	/** 610000 ⇒ "61", 610100 ⇒ "6101", a county ⇒ its six digits; no region ⇒ nothing. */
	static String prefix(RegionCode region) {
		if (region == null) {
			return "-";
		}
		return region.isProvince() ? region.value().substring(0, 2)
				: region.isPrefecture() ? region.value().substring(0, 4) : region.value();
	}
}
