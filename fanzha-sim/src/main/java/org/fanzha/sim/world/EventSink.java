package org.fanzha.sim.world;

/**
 * Receives the world as it happens, in time order per event kind. Primitive parameters so
 * that streaming a world allocates nothing per transfer, call or text message. Account
 * and person arguments are indices into {@link World}; {@code to == -1} means the money
 * left the banking system.
 */
public interface EventSink {

	default void begin(World world) {
	}

	void transfer(long id, long time, int from, int to, long amountFen, TransferChannel channel, int county);

	void call(long id, long time, long caller, long callee, int durationSeconds, boolean answered, int county,
			long imei);

	void sms(long id, long time, long sender, long receiver, int county);

	/**
	 * A transfer that belongs to a laundering chain (victim payment = level 1). Called
	 * right after its transfer.
	 */
	default void laundering(long transferId, long chainId, int gang, int level, long victimTransferId) {
	}

	default void caseReport(CaseReport report) {
	}

	/**
	 * A person installed an app, opened a website or joined a chat group (the identifier
	 * as a report would name it), as an operator's or platform's records would show; the
	 * simulator emits only the gangs' ones (installs of ordinary apps are not modelled).
	 * Emitted after the hour's texts, in time order. {@code gang} is ground truth, for
	 * evaluation figures only.
	 */
	default void exposure(long time, int person, String identifier, int gang) {
	}

	default void victim(VictimRecord victim) {
	}

	default void end(World world) {
	}

	/**
	 * Every event before {@code time} has been emitted (called after each simulated
	 * hour): a sink that holds an hour back may decide it now, so that a reacting world's
	 * next hour sees those decisions.
	 */
	default void hourEnd(long time) {
	}

	/** Both sinks, each event to the first and then to the second. */
	static EventSink tee(EventSink first, EventSink second) {
		return new EventSink() {

			@Override
			public void begin(World world) {
				first.begin(world);
				second.begin(world);
			}

			@Override
			public void transfer(long id, long time, int from, int to, long amountFen, TransferChannel channel,
					int county) {
				first.transfer(id, time, from, to, amountFen, channel, county);
				second.transfer(id, time, from, to, amountFen, channel, county);
			}

			@Override
			public void call(long id, long time, long caller, long callee, int durationSeconds, boolean answered,
					int county, long imei) {
				first.call(id, time, caller, callee, durationSeconds, answered, county, imei);
				second.call(id, time, caller, callee, durationSeconds, answered, county, imei);
			}

			@Override
			public void sms(long id, long time, long sender, long receiver, int county) {
				first.sms(id, time, sender, receiver, county);
				second.sms(id, time, sender, receiver, county);
			}

			@Override
			public void laundering(long transferId, long chainId, int gang, int level, long victimTransferId) {
				first.laundering(transferId, chainId, gang, level, victimTransferId);
				second.laundering(transferId, chainId, gang, level, victimTransferId);
			}

			@Override
			public void caseReport(CaseReport report) {
				first.caseReport(report);
				second.caseReport(report);
			}

			@Override
			public void exposure(long time, int person, String identifier, int gang) {
				first.exposure(time, person, identifier, gang);
				second.exposure(time, person, identifier, gang);
			}

			@Override
			public void victim(VictimRecord victim) {
				first.victim(victim);
				second.victim(victim);
			}

			@Override
			public void hourEnd(long time) {
				first.hourEnd(time);
				second.hourEnd(time);
			}

			@Override
			public void end(World world) {
				first.end(world);
				second.end(world);
			}
		};
	}

}
