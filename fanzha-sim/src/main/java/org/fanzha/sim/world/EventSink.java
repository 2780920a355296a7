package org.fanzha.sim.world;

/**
 * Receives the world as it happens, in time order per event kind. Primitive parameters so that
 * streaming a world allocates nothing per transfer, call or text message. Account and person arguments are
 * indices into {@link World}; {@code to == -1} means the money left the banking system.
 */
public interface EventSink {

	default void begin(World world) {
	}

	void transfer(long id, long time, int from, int to, long amountFen, TransferChannel channel, int county);

	void call(long id, long time, long caller, long callee, int durationSeconds, boolean answered, int county, long imei);

	void sms(long id, long time, long sender, long receiver, int county);

	/** A transfer that belongs to a laundering chain (victim payment = level 1). Called right after its transfer. */
	default void laundering(long transferId, long chainId, int gang, int level, long victimTransferId) {
	}

	default void caseReport(CaseReport report) {
	}

	default void victim(VictimRecord victim) {
	}

	default void end(World world) {
	}
}
