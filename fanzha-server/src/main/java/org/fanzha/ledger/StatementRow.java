package org.fanzha.ledger;

import java.time.Instant;

/**
 * One row of an account statement (流水) as a bank returns it with a stop-payment answer or
 * a fund query, or as an officer uploads it: evidence with a source, and an extension of
 * the ledger.
 *
 * @param transferId the bank's transaction serial number (交易流水号), optional
 * @param direction IN (贷, money into the account) or OUT (借)
 * @param counterpartyAccount the other side's account (对方账号); null for cash (ATM
 * withdrawal, counter cash)
 * @param counterpartyBank the other side's institution code (对方开户行), e.g. CCB, ALIPAY
 * @param counterpartyName the other side's name (对方户名) where the bank knows it
 * @param balanceAfterFen the balance after the row (余额), optional
 */
public record StatementRow(String transferId, Instant at, Direction direction, String counterpartyAccount,
		String counterpartyBank, String counterpartyName, long amountFen, Channel channel, Long balanceAfterFen,
		String memo) {

	public enum Direction {

		/** 贷: money came in. */
		IN,
		/** 借: money went out. */
		OUT

	}

	/**
	 * How the money moved (交易渠道), as the ledger and the cash-out analysis distinguish it.
	 */
	public enum Channel {

		/** Bank transfer: online, mobile or counter. */
		TRANSFER,
		/** ATM cash or ATM transfer. */
		ATM,
		/** Card payment at a POS terminal. */
		POS,
		/** A third-party payment institution (Alipay, WeChat Pay, ...). */
		THIRD_PARTY,
		/**
		 * A gold shop or a virtual-currency (OTC) merchant: a usual way out of the
		 * banking system.
		 */
		GOLD_CRYPTO

	}
}
