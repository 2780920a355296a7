package org.fanzha.bench;

import java.util.Arrays;

import org.fanzha.sim.world.EventSink;
import org.fanzha.sim.world.SimConfig;
import org.fanzha.sim.world.Simulator;
import org.fanzha.sim.world.TransferChannel;
import org.fanzha.sim.world.World;

/**
 * A simulated world's transfers held as primitive arrays, so ingestion can be timed on
 * its own, plus the victims' payments (level-1 laundering transfers) to trace from.
 */
public final class RecordedTransfers implements EventSink {

	public int n;

	public int[] id = new int[1 << 20];

	public long[] time = new long[1 << 20];

	public int[] from = new int[1 << 20];

	public int[] to = new int[1 << 20];

	public long[] amount = new long[1 << 20];

	public byte[] channel = new byte[1 << 20];

	public int victimPayments;

	public int[] victimPayment = new int[1 << 10];

	public long[] opening;

	/**
	 * The transfers of a simulated world of this size (the inputs of the ingest and
	 * monitor benchmarks).
	 */
	public static RecordedTransfers simulate(int persons, int days) {
		RecordedTransfers rec = new RecordedTransfers();
		new Simulator(new World(SimConfig.preset("small", 42).withSize(persons, days))).run(rec);
		return rec;
	}

	@Override
	public void begin(World world) {
		opening = new long[world.population.accounts()];
		for (int a = 0; a < opening.length; a++) {
			opening[a] = world.population.openingBalance(a);
		}
	}

	@Override
	public void transfer(long tid, long t, int f, int tt, long a, TransferChannel ch, int county) {
		if (n == time.length) {
			int m = n * 2;
			id = Arrays.copyOf(id, m);
			time = Arrays.copyOf(time, m);
			from = Arrays.copyOf(from, m);
			to = Arrays.copyOf(to, m);
			amount = Arrays.copyOf(amount, m);
			channel = Arrays.copyOf(channel, m);
		}
		id[n] = (int) tid;
		time[n] = t;
		from[n] = f;
		to[n] = tt;
		amount[n] = a;
		channel[n] = (byte) ch.ordinal();
		n++;
	}

	@Override
	public void laundering(long transferId, long chainId, int gang, int level, long victimTransferId) {
		if (level == 1) {
			if (victimPayments == victimPayment.length) {
				victimPayment = Arrays.copyOf(victimPayment, victimPayments * 2);
			}
			// transfer ids are T1.. in emission order, so the graph index is id - 1
			victimPayment[victimPayments++] = (int) transferId - 1;
		}
	}

	@Override
	public void call(long id, long time, long caller, long callee, int d, boolean answered, int county, long imei) {
	}

	@Override
	public void sms(long id, long time, long sender, long receiver, int county) {
	}

}
