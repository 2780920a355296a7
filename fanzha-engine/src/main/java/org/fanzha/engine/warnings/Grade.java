package org.fanzha.engine.warnings;

/**
 * The three risk grades of graded dissuasion (分级劝阻, DOMAIN.md §3 "Warning and
 * dissuasion"; MPS practice, secondary): low ⇒ SMS, medium ⇒ phone call (96110), high ⇒
 * in-person visit. Declared from low to high, so the natural order compares severity.
 */
public enum Grade {

	LOW("低风险"), MEDIUM("中风险"), HIGH("高风险");

	private final String label;

	Grade(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** LOW ⇒ SMS, MEDIUM ⇒ PHONE_CALL, HIGH ⇒ VISIT. */
	public Channel channel() {
		return Channel.values()[ordinal()];
	}

}
