package org.fanzha.warnings.web;

import org.fanzha.identity.Directory;
import org.fanzha.identity.FanzhaPrincipal;
import org.fanzha.warnings.DissuasionDesk;

/**
 * The viewer of dissuasion tasks for a signed-in user: a centre its region, a station its
 * own tasks.
 */
final class TaskViewers {

	private TaskViewers() {
	}

	static DissuasionDesk.Viewer of(FanzhaPrincipal me, Directory directory) {
		return DissuasionDesk.Viewer.of(me, directory);
	}

}
