package org.fanzha.funds;

import java.time.Instant;
import java.util.List;

/**
 * A stop-payment instruction as centre and bank see it.
 *
 * @param caseNumber the case that first asked for it; {@code cases} lists every case it
 * serves
 * @param deadline when the bank must have answered (while ISSUED)
 * @param freezeAdvised the bank could not stop the account a third time: the officer
 * applies for a freeze
 */
public record InstructionView(long id, String caseNumber, String accountId, String institution, String payeeName,
		String accountNumber, long amountFen, Instant transactionTime, String transferId, String parentAccount,
		int level, String kind, Instant expectedMoveAt, Workflows.StopStatus status, Long stoppedFen,
		String answerReason, Instant issuedAt, Instant expiresAt, Instant deadline, String issuingUnit,
		boolean freezeAdvised, List<String> cases) {

	/** Past its deadline and still unanswered. */
	public boolean overdue(Instant now) {
		return status == Workflows.StopStatus.ISSUED && deadline != null && now.isAfter(deadline);
	}
}
