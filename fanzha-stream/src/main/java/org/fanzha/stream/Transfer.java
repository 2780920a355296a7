package org.fanzha.stream;

/**
 * A message of the {@code transfers} topic (schema transfers.v1.json), as the job reads
 * it. A Flink POJO.
 */
public class Transfer {

	public String bank;

	public String transferId;

	public String fromAccount;

	/** null for cash. */
	public String toAccount;

	public long amountFen;

	/** Epoch seconds. */
	public long time;

	public String deviceId;

	/** Wall-clock ms of the Kafka record (when it was produced). */
	public long producedAt;

	public Transfer() {
	}

	public Transfer(String bank, String transferId, String fromAccount, String toAccount, long amountFen, long time) {
		this.bank = bank;
		this.transferId = transferId;
		this.fromAccount = fromAccount;
		this.toAccount = toAccount;
		this.amountFen = amountFen;
		this.time = time;
	}

	public boolean cash() {
		return toAccount == null || toAccount.isEmpty();
	}

}
