package org.fanzha.sim.evaluate;

import java.util.ArrayList;
import java.util.List;

import org.fanzha.engine.graph.TransferGraph;
import org.fanzha.sim.world.CaseReport;
import org.fanzha.sim.world.EventSink;
import org.fanzha.sim.world.TransferChannel;
import org.fanzha.sim.world.VictimRecord;
import org.fanzha.sim.world.World;

/**
 * Streams a simulated world's transfers into a {@link TransferGraph} (account
 * {@code A<n>} is graph account n, transfer {@code T<n>} keeps its number) and keeps the
 * victims' reports, as the platform would receive them.
 */
public final class GraphSink implements EventSink {

	public final TransferGraph graph = new TransferGraph();

	public final List<CaseReport> cases = new ArrayList<>();

	public final List<VictimRecord> victims = new ArrayList<>();

	private final byte[] channel = new byte[TransferChannel.values().length];

	@Override
	public void begin(World world) {
		for (int a = 0; a < world.population.accounts(); a++) {
			graph.addAccount("A" + a, world.population.openingBalance(a));
		}
		for (TransferChannel c : TransferChannel.values()) {
			channel[c.ordinal()] = graph.channelCode(c.name());
		}
	}

	@Override
	public void transfer(long id, long time, int from, int to, long amountFen, TransferChannel ch, int county) {
		graph.appendNumbered((int) id, time, from, to, amountFen, channel[ch.ordinal()]);
	}

	@Override
	public void call(long id, long time, long caller, long callee, int d, boolean answered, int county, long imei) {
	}

	@Override
	public void sms(long id, long time, long sender, long receiver, int county) {
	}

	@Override
	public void caseReport(CaseReport report) {
		cases.add(report);
	}

	@Override
	public void victim(VictimRecord victim) {
		victims.add(victim);
	}

}
