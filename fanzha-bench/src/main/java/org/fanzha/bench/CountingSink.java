package org.fanzha.bench;

import org.fanzha.sim.world.EventSink;
import org.fanzha.sim.world.TransferChannel;

/**
 * Consumes a simulation in memory, keeping just enough state that the JIT cannot drop the
 * work.
 */
public final class CountingSink implements EventSink {

	public long events;

	public long checksum;

	@Override
	public void transfer(long id, long time, int from, int to, long amountFen, TransferChannel channel, int county) {
		events++;
		checksum += amountFen ^ from;
	}

	@Override
	public void call(long id, long time, long caller, long callee, int d, boolean answered, int county, long imei) {
		events++;
		checksum += callee;
	}

	@Override
	public void sms(long id, long time, long sender, long receiver, int county) {
		events++;
		checksum += receiver;
	}

}
