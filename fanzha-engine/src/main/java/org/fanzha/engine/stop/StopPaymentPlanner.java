package org.fanzha.engine.stop;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.fanzha.engine.graph.TransferGraph;
import org.fanzha.engine.trace.TraceResult;

/**
 * Turns a trace into the stop-payment instructions to issue, most urgent first.
 *
 * <p>
 * Urgency: money is expected to move on at its arrival time plus the account's typical
 * dwell — the median time, over its last ten payments out, between a payment out and the
 * payment in before it (30 minutes when the account has no history). Mule accounts that
 * pass money on within minutes therefore come first. Accounts already frozen, or stopped
 * twice already (the limit), are listed as skipped with the reason; an account under a
 * stop in force needs no new instruction.
 */
public final class StopPaymentPlanner {

	static final long DEFAULT_DWELL = 30 * 60;

	public record Skipped(String accountId, long amountFen, String reason) {
	}

	public record Plan(List<StopInstruction> instructions, List<Skipped> skipped) {

		public long totalFen() {
			return instructions.stream().mapToLong(StopInstruction::amountFen).sum();
		}
	}

	private StopPaymentPlanner() {
	}

	public static Plan plan(TransferGraph g, TraceResult trace, AccountInfo info, StopRegistry registry, long now,
			long minAmountFen) {
		List<StopInstruction> out = new ArrayList<>();
		List<Skipped> skipped = new ArrayList<>();
		for (TraceResult.Holding h : trace.holdings()) {
			if (h.amount() < minAmountFen) {
				continue;
			}
			String id = g.accountId(h.account());
			if (registry.frozen(id)) {
				skipped.add(new Skipped(id, h.amount(), "already frozen"));
				continue;
			}
			if (registry.stoppedAt(id, now)) {
				skipped.add(new Skipped(id, h.amount(), "a stop is in force"));
				continue;
			}
			if (registry.stopsSoFar(id) >= StopRegistry.MAX_STOPS) {
				skipped.add(new Skipped(id, h.amount(), "already stopped twice: apply for a freeze"));
				continue;
			}
			int in = h.lastTaintedTransfer();
			long arrived = in >= 0 ? g.time(in) : now;
			String number = info.number(h.account());
			out.add(new StopInstruction(id, info.holderName(h.account()), number == null ? id : number,
					info.institution(h.account()), h.amount(), arrived, in >= 0 ? g.transferId(in) : null,
					in >= 0 ? g.accountId(g.from(in)) : null, h.level(),
					h.level() <= 1 ? StopInstruction.Kind.EMERGENCY : StopInstruction.Kind.EXTENDED,
					arrived + dwell(g, h.account(), now), h.perVictim()));
		}
		out.sort(Comparator.comparingLong(StopInstruction::expectedMoveAt)
			.thenComparing(Comparator.comparingLong(StopInstruction::amountFen).reversed()));
		return new Plan(out, skipped);
	}

	/**
	 * Median gap between a payment out and the payment in just before it, over the last
	 * ten payments out.
	 */
	static long dwell(TransferGraph g, int account, long now) {
		long[] gaps = new long[10];
		int n = 0;
		int lastIn = TransferGraph.NONE;
		int in = g.firstIn(account);
		for (int out = g.firstOut(account); out != TransferGraph.NONE && g.time(out) <= now; out = g.nextOut(out)) {
			while (in != TransferGraph.NONE && in < out) {
				lastIn = in;
				in = g.nextIn(in);
			}
			if (lastIn != TransferGraph.NONE) {
				gaps[n % gaps.length] = g.time(out) - g.time(lastIn);
				n++;
			}
		}
		if (n == 0) {
			return DEFAULT_DWELL;
		}
		long[] g2 = Arrays.copyOf(gaps, Math.min(n, gaps.length));
		Arrays.sort(g2);
		return g2[g2.length / 2];
	}

}
