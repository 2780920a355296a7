package org.fanzha.stream;

/**
 * One side's features of a transfer, from the account stage to the decision stage (keyed
 * by transfer id): the payer's slots of
 * {@link org.fanzha.engine.monitor.RuleSet#FEATURES} or the payee's, in a full-length
 * vector whose other slots are unused. A Flink POJO.
 */
public class Half {

	public String transferId;

	public String bank;

	public String fromAccount;

	/** The payee; null for cash. */
	public String toAccount;

	public byte side;

	/** Whether the decision waits for a payee's half too (false for cash). */
	public boolean paired;

	public long amountFen;

	public long time;

	public long producedAt;

	public double[] features;

	public Half() {
	}

}
