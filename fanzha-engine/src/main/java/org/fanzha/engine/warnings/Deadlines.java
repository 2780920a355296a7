package org.fanzha.engine.warnings;

import java.time.Duration;
import java.time.Instant;

/*
 * How long after a warning is raised each channel must have been carried out: the SMS sent, the 96110 call made, the
 * station's officer at the door. DOMAIN.md §3 gives the channels by grade but no times; the defaults are assumptions
 * (configurable), chosen because speed decides whether money is saved (以快制快, DOMAIN.md §1): SMS within 10 minutes
 * (automatic), phone call within 30 minutes, in-person visit within 2 hours.
 */
/**
 * Deadline per channel; {@link #DEFAULTS}: SMS 10 min, phone call 30 min, visit 2 h
 * (assumptions, configurable).
 */
public record Deadlines(Duration sms, Duration phoneCall, Duration visit) {

	public static final Deadlines DEFAULTS = new Deadlines(Duration.ofMinutes(10), Duration.ofMinutes(30),
			Duration.ofHours(2));

	public Deadlines {
		for (Duration d : new Duration[] { sms, phoneCall, visit }) {
			if (d == null || d.isNegative() || d.isZero()) {
				throw new IllegalArgumentException("every deadline must be a positive duration");
			}
		}
	}

	public Duration of(Channel channel) {
		return switch (channel) {
			case SMS -> sms;
			case PHONE_CALL -> phoneCall;
			case VISIT -> visit;
		};
	}

	/** The deadline of a task on {@code channel} raised at {@code raisedAt}. */
	public Instant due(Channel channel, Instant raisedAt) {
		return raisedAt.plus(of(channel));
	}
}
