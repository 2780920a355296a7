package org.fanzha.support;

import java.util.List;

import org.fanzha.ledger.TransferLedger;

/**
 * Puts accounts and transfers into the ledger as a bank's feed would (the bank being the
 * part of the account id before ':', e.g. ICBC for {@code ICBC:M1}).
 */
public final class LedgerFixture {

	private LedgerFixture() {
	}

	public static void account(TransferLedger ledger, String accountId, long openingBalanceFen) {
		ledger.declareAccounts(bankOf(accountId),
				List.of(new TransferLedger.Account(accountId, null, null, openingBalanceFen)),
				TransferLedger.Source.FEED);
	}

	public static void transfer(TransferLedger ledger, String transferId, long epochSecond, String from, String to,
			long amountFen, String channel) {
		ledger.record(TransferLedger.Source.FEED, bankOf(from), null,
				List.of(new TransferLedger.Transfer(transferId, epochSecond, from, to, amountFen, channel, null)));
	}

	public static void transfer(TransferLedger ledger, String transferId, long epochSecond, String from, String to,
			long amountFen, String channel, String region) {
		ledger.record(TransferLedger.Source.FEED, bankOf(from), null,
				List.of(new TransferLedger.Transfer(transferId, epochSecond, from, to, amountFen, channel, region)));
	}

	static String bankOf(String accountId) {
		int colon = accountId.indexOf(':');
		return colon > 0 ? accountId.substring(0, colon) : "UNKNOWN";
	}

}
