package org.fanzha.warnings.web;

import org.fanzha.identity.Directory;
import org.fanzha.identity.FanzhaPrincipal;
import org.fanzha.warnings.Warnings;

/** The viewer of dissuasion tasks for a signed-in user: a centre its region, a station its own tasks. */
final class Viewers {

	private Viewers() {
	}

	static Warnings.Viewer of(FanzhaPrincipal me, Directory directory) {
		return Warnings.Viewer.of(me, directory);
	}
}
