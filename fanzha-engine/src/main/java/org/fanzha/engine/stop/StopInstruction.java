package org.fanzha.engine.stop;

/**
 * One stop-payment instruction to a bank (紧急止付 at level 1, 延伸止付 beyond). The bank checks
 * the four fields {@code payeeName}, {@code accountNumber}, {@code amountFen} and
 * {@code transactionTime} against its records and must not stop on any mismatch.
 *
 * @param transactionTime epoch second of the transfer that brought the victims' money in
 * @param transferId that transfer
 * @param parentAccount the account it came from (the instruction tree's parent)
 * @param expectedMoveAt when the money is expected to move on (urgency: the soonest
 * first)
 */
public record StopInstruction(String accountId, String payeeName, String accountNumber, String institution,
		long amountFen, long transactionTime, String transferId, String parentAccount, int level, Kind kind,
		long expectedMoveAt, long[] perVictim) {

	public enum Kind {

		EMERGENCY, EXTENDED

	}
}
