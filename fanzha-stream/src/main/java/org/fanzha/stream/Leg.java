package org.fanzha.stream;

/**
 * One account's part in an event, the unit of the account stage (keyed by
 * {@link #account}): the payer's side of a transfer ({@link #OUT}), the payee's
 * ({@link #IN}), or a report confirming the account as a fraud account
 * ({@link #CONFIRM}). A Flink POJO (public fields, no-argument constructor), so state and
 * network use Flink's own serializer, not Kryo.
 */
public class Leg {

	public static final byte CONFIRM = 0;

	public static final byte OUT = 1;

	public static final byte IN = 2;

	public byte kind;

	/** The account this leg belongs to: the key. */
	public String account;

	/** The other account of a transfer; null for cash and for a confirmation. */
	public String counterparty;

	public String transferId;

	public String bank;

	public String fromAccount;

	public long amountFen;

	/** Event time, epoch seconds. */
	public long time;

	/**
	 * Wall-clock milliseconds when the transfer was produced to Kafka (the record
	 * timestamp), for latency.
	 */
	public long producedAt;

	public Leg() {
	}

	public Leg(byte kind, String account, String counterparty, Transfer t) {
		this.kind = kind;
		this.account = account;
		this.counterparty = counterparty;
		if (t != null) {
			this.transferId = t.transferId;
			this.bank = t.bank;
			this.fromAccount = t.fromAccount;
			this.amountFen = t.amountFen;
			this.time = t.time;
			this.producedAt = t.producedAt;
		}
	}

	/**
	 * The order in which one account's legs are applied, the same as the in-process
	 * monitor's: by event time, a confirmation before the transfers of its second (the
	 * monitor confirms reports up to a transfer's time first), then by transfer id (the
	 * producers' sequence), the payer's side before the payee's.
	 */
	public static int order(Leg a, Leg b) {
		int c = Long.compare(a.time, b.time);
		if (c != 0) {
			return c;
		}
		c = Boolean.compare(a.kind != CONFIRM, b.kind != CONFIRM);
		if (c != 0) {
			return c;
		}
		c = compareNullable(a.transferId, b.transferId);
		return c != 0 ? c : Byte.compare(a.kind, b.kind);
	}

	private static int compareNullable(String a, String b) {
		if (a == null || b == null) {
			return a == null ? (b == null ? 0 : -1) : 1;
		}
		return a.compareTo(b);
	}

}
