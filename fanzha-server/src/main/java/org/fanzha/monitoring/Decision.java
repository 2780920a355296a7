package org.fanzha.monitoring;

import java.time.Instant;
import java.util.List;

/**
 * The answer for one transfer.
 *
 * @param holdUntil for DELAY and PROTECTIVE_FREEZE: until when (the payer may revoke a
 * delayed transfer)
 * @param reasons the rules that decided, with text a bank officer can read
 * @param shadowReasons rules in shadow mode (or stopped by the guard) that matched but
 * did not act
 * @param appeal how the account holder appeals a restriction (art. 32), null when nothing
 * is restricted
 */
public record Decision(String transferId, String decision, Instant holdUntil, List<Reason> reasons,
		List<Reason> shadowReasons, int ruleVersion, String appeal) {

	public record Reason(String rule, String text) {
	}
}
