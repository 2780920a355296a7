package org.fanzha.monitoring;

import java.time.Instant;
import java.util.List;

/**
 * The monitor acted on a payment into an account for the first time (review, delay or
 * freeze): a likely mule account. The funds module keeps it as a stop/freeze candidate;
 * card-cutting lists its holder.
 *
 * @param institution the bank that asked, or the prefix of the account id
 * ({@code ICBC:...}), or null
 */
public record MuleAccountFlagged(String accountId, String institution, String decision, List<String> rules,
		String reason, Instant flaggedAt) {
}
