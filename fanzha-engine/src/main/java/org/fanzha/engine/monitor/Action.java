package org.fanzha.engine.monitor;

/** What a bank does with a transfer, least to most severe. */
public enum Action {

	ALLOW, WARN_PAYER, REVIEW, DELAY, PROTECTIVE_FREEZE

}
