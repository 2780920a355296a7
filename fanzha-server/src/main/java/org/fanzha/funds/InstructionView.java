package org.fanzha.funds;

import java.time.Instant;

/** A stop-payment instruction as centre and bank see it. */
public record InstructionView(long id, String caseNumber, String accountId, String institution, String payeeName,
		String accountNumber, long amountFen, Instant transactionTime, String transferId, String parentAccount,
		int level, String kind, Instant expectedMoveAt, String status, Long stoppedFen, String answerReason,
		Instant issuedAt, Instant expiresAt) {
}
