package org.fanzha.engine.warnings;

/**
 * How a potential victim is warned (DOMAIN.md §3, "Warning and dissuasion";
 * Anti-Telecom-Fraud Law art. 34; MPS practice, secondary): an SMS (sent from 12381), a
 * phone call from the anti-fraud centre's 96110 desk, or an in-person visit (见面劝阻) by the
 * police station of the person's region. Declared from the lightest to the heaviest, so
 * {@link #next()} is the escalation step.
 */
public enum Channel {

	SMS, PHONE_CALL, VISIT;

	/**
	 * The next heavier channel: SMS ⇒ phone call ⇒ visit; a visit has nothing heavier and
	 * returns itself.
	 */
	public Channel next() {
		return this == VISIT ? VISIT : values()[ordinal() + 1];
	}

	/** The grade whose channel this is. */
	public Grade grade() {
		return Grade.values()[ordinal()];
	}

}
