package org.fanzha.cases;

import java.time.Instant;

import org.fanzha.core.FraudType;

/**
 * A case in the list, with the 30-minute clock for entering the first-level accounts.
 *
 * @param firstLevelEnteredAt null while no payment has been entered
 * @param overdue the deadline passed before (or without) the first-level accounts being
 * entered
 */
public record CaseSummary(String caseNumber, String agencyCode, Instant reportedAt, FraudType fraudType, long lossFen,
		int payments, Instant firstLevelDeadline, Instant firstLevelEnteredAt, boolean overdue, String victimMasked) {
}
