package org.fanzha.funds;

import java.time.Instant;

/** A freeze as centre and bank see it. */
public record FreezeView(long id, String caseNumber, long instructionId, String accountId, String institution,
		long amountFen, String documentNumber, String issuingUnit, String officerOne, String officerTwo, String status,
		Long frozenFen, Instant frozenAt, Instant expiresAt, int renewals) {
}
