package org.fanzha.funds;

import java.time.Instant;

/**
 * A freeze as centre and bank see it; {@code deadline} is when the bank must have
 * answered a request.
 */
public record FreezeView(long id, String caseNumber, long instructionId, String accountId, String institution,
		long amountFen, String documentNumber, String issuingUnit, String officerOne, String officerTwo,
		Workflows.FreezeStatus status, Long frozenFen, Instant frozenAt, Instant expiresAt, int renewals,
		Instant deadline) {
}
