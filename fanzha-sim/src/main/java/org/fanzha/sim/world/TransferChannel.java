package org.fanzha.sim.world;

/**
 * How a transfer moved. ATM and CRYPTO_OTC leave the banking system: their
 * {@code to_account} is empty. Fraud uses the same channels as everyone else; only the
 * ground truth tells them apart.
 */
public enum TransferChannel {

	SALARY, POS, ONLINE, BILL, MOBILE, ATM, CRYPTO_OTC;

	public boolean leavesBanking() {
		return this == ATM || this == CRYPTO_OTC;
	}

}
