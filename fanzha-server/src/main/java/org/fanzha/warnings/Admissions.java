package org.fanzha.warnings;

import java.time.Clock;
import java.time.Instant;

import org.fanzha.engine.warnings.Channel;
import org.fanzha.engine.warnings.Dedup;
import org.fanzha.engine.warnings.Grade;
import org.springframework.stereotype.Component;

/**
 * Who may be warned again, and when: the engine's {@link Dedup} windows shared by the
 * signal intake (a new task) and the escalation (a task moved to another channel), so
 * that a person is not warned twice on one channel inside its window whichever of the two
 * raised it. After a restart the tasks of the last windows count again.
 */
@Component
class Admissions {

	private final Dedup dedup;

	private final Dissuasions tasks;

	private final WarningsProperties properties;

	private final Clock clock;

	private volatile boolean loaded;

	Admissions(Dissuasions tasks, WarningsProperties properties, Clock clock) {
		this.tasks = tasks;
		this.properties = properties;
		this.clock = clock;
		this.dedup = new Dedup(properties.windows());
	}

	/**
	 * The lock the intake holds over a whole batch (committed before the next starts, so
	 * a person's open task is always seen by the next signal) and the escalation over one
	 * admission.
	 */
	Object lock() {
		return dedup;
	}

	/**
	 * Whether a warning on this channel is admitted now; the caller holds
	 * {@link #lock()}.
	 */
	boolean admit(String phone, Grade grade, Channel channel, Instant now) {
		load();
		return dedup.admit(phone, grade, channel, now);
	}

	private void load() {
		if (loaded) {
			return;
		}
		Instant now = clock.instant();
		for (Dissuasions.Row t : tasks.raisedSince(now.minus(properties.visitWindow().plus(properties.callWindow())))) {
			dedup.admit(t.phone(), Grade.valueOf(t.grade()), Channel.valueOf(t.channel()), t.raisedAt());
		}
		loaded = true;
	}

}
