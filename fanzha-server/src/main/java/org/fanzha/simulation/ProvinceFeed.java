package org.fanzha.simulation;

/**
 * Subscribers receive the simulated province's traffic as it happens, on the simulation
 * thread. Primitive parameters: a listener must not block or allocate per event; it keeps
 * its own state keyed by account or phone number.
 */
public interface ProvinceFeed {

	interface TransferListener {

		/**
		 * {@code toAccount} is null when the money left the banking system (ATM, crypto
		 * OTC).
		 */
		void onTransfer(String transferId, long epochSecond, String fromAccount, String toAccount, long amountFen,
				String channel, String regionCode);

	}

	interface CallListener {

		void onCall(long epochSecond, long caller, long callee, int durationSeconds, String regionCode, long imei);

	}

	void subscribe(TransferListener listener);

	void subscribe(CallListener listener);

}
