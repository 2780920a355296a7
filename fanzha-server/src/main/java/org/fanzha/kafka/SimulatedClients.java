package org.fanzha.kafka;

import java.util.List;

import org.fanzha.monitoring.TransferScreening;

/**
 * The simulated province's banks and operators producing to {@code transfers} and
 * {@code calls} instead of calling the services directly ({@code ./fanzha demo --kafka}).
 * A bean only with Kafka enabled. Sends are asynchronous: the simulation does not wait
 * for the broker.
 */
public interface SimulatedClients {

	/** A bank's transfers, one message each, keyed by the payer account. */
	void transfers(String bank, List<TransferScreening.TransferIn> transfers);

	/**
	 * An operator's call or SMS record, keyed by the calling phone; numbers of no known
	 * segment are not sent.
	 */
	void call(boolean call, long caller, long callee, long epochSecond, int durationSeconds, boolean answered,
			String regionCode, long imei);

}
