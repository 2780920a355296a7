package org.fanzha.console;

import java.util.Arrays;
import java.util.List;

import org.fanzha.identity.Area;
import org.fanzha.identity.FanzhaPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the current user sees in the side navigation: exactly the areas the security rules
 * let them enter, because both come from {@link Area}. Used from templates as
 * {@code @navigation}.
 */
@Component("navigation")
public class Navigation {

	public FanzhaPrincipal currentUser() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getPrincipal() instanceof FanzhaPrincipal p ? p : null;
	}

	public List<Area> areas() {
		FanzhaPrincipal user = currentUser();
		if (user == null) {
			return List.of();
		}
		return Arrays.stream(Area.values()).filter(a -> a.admitsAny(user.roles())).toList();
	}

}
