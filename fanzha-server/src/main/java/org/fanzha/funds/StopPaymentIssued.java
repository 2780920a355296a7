package org.fanzha.funds;

/** An instruction was sent to a bank. */
public record StopPaymentIssued(long instructionId, String caseNumber, String institution, String accountId,
		long amountFen, int level) {
}
