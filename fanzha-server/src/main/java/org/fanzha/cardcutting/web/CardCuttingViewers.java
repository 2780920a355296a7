package org.fanzha.cardcutting.web;

import java.util.List;

import org.fanzha.cardcutting.Viewer;
import org.fanzha.identity.Agency;
import org.fanzha.identity.Directory;
import org.fanzha.identity.FanzhaPrincipal;
import org.fanzha.identity.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The card-cutting viewer of a logged-in user: the first of their roles that the areas
 * admit, and their agency's region.
 */
@Component
class CardCuttingViewers {

	private static final List<Role> ORDER = List.of(Role.CENTRE_OFFICER, Role.STATION_OFFICER, Role.BANK_OFFICER,
			Role.TELECOM_OFFICER, Role.SCHOOL_OFFICER);

	private final Directory directory;

	CardCuttingViewers(Directory directory) {
		this.directory = directory;
	}

	Viewer of(FanzhaPrincipal me) {
		Role role = ORDER.stream()
			.filter(me::has)
			.findFirst()
			.orElseThrow(
					() -> new AccessDeniedException("card-cutting is for the police, banks, operators and schools"));
		Agency agency = directory.agency(me.agencyCode())
			.orElseThrow(() -> new AccessDeniedException("unknown agency " + me.agencyCode()));
		return new Viewer(me.username(), role, agency.code(), agency.regionCode());
	}

}
