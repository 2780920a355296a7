package org.fanzha.stream;

/**
 * What the tracing stages are fed, one class for every kind (a Flink POJO): an account's
 * own transfer out or in ({@link #OUT}, {@link #IN}: keyed by that account), taint moved
 * onto one of its inflows ({@link #MOVE}: keyed by the receiving account; from a report,
 * or from the payer's key through the {@code taint} topic), and the two halves the seed
 * index joins, keyed by transfer id ({@link #PAID}: a payment and its payee,
 * {@link #NAMED}: a report naming it).
 */
public class TaintEvent {

	public static final byte OUT = 0;

	public static final byte IN = 1;

	public static final byte MOVE = 2;

	public static final byte PAID = 3;

	public static final byte NAMED = 4;

	public byte kind;

	/** The key of the account stage: the payer for OUT, the payee for IN, PAID, MOVE. */
	public String account;

	public String transferId;

	/** The transfer's time, epoch seconds. */
	public long time;

	public long amountFen;

	/** The other account of the transfer; null for cash. */
	public String party;

	/** MOVE and NAMED: the case. */
	public String caseNumber;

	/** MOVE: the case's fen this transfer carries (0: none any more, a correction). */
	public long traced;

	/** MOVE: 1 for the victim's payment, n for money n transfers away from it. */
	public int level;

	/**
	 * MOVE: nothing after this epoch second is followed for the case (the seed plus the
	 * horizon).
	 */
	public long until;

	public TaintEvent() {
	}

	public static TaintEvent leg(byte kind, String account, String party, Transfer t) {
		TaintEvent e = new TaintEvent();
		e.kind = kind;
		e.account = account;
		e.party = party;
		e.transferId = t.transferId;
		e.time = t.time;
		e.amountFen = t.amountFen;
		return e;
	}

	public static TaintEvent move(String to, String transferId, String caseNumber, long traced, int level, long until,
			long time) {
		TaintEvent e = new TaintEvent();
		e.kind = MOVE;
		e.account = to;
		e.transferId = transferId;
		e.caseNumber = caseNumber;
		e.traced = traced;
		e.level = level;
		e.until = until;
		e.time = time;
		return e;
	}

}
