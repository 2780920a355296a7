package org.fanzha.engine.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.fanzha.engine.graph.TransferGraph;

/**
 * Invariants over random transfer graphs (random accounts, opening balances, amounts,
 * cash-outs, accounts outside the data, several victims): they must hold for every graph,
 * not just the hand-computed ones.
 */
class TracePropertiesTest {

	static final long T0 = 1_772_323_200L;

	record World(TransferGraph graph, int[] seeds) {
	}

	static World world(long seed, int accounts, int transfers, int victims) {
		Random r = new Random(seed);
		TransferGraph g = new TransferGraph();
		for (int a = 0; a < accounts; a++) {
			g.addAccount("A" + a, r.nextInt(4) == 0 ? 0 : r.nextInt(20_000));
		}
		int[] seeds = new int[victims];
		long t = T0;
		int next = 1;
		for (int v = 0; v < victims; v++) {
			g.addAccount("V" + v, 1_000_000);
			t += r.nextInt(120);
			seeds[v] = g.append("T" + next++, t, "V" + v, "A" + r.nextInt(Math.max(1, accounts / 4)),
					1_000 + r.nextInt(50_000), "MOBILE");
		}
		for (int k = 0; k < transfers; k++) {
			t += r.nextInt(300);
			String from = "A" + r.nextInt(accounts);
			int kind = r.nextInt(20);
			String to = kind == 0 ? null : kind == 1 ? "OUT" + r.nextInt(5) : "A" + r.nextInt(accounts);
			g.append("T" + next++, t, from, to, 1 + r.nextInt(30_000), kind == 0 ? "ATM" : "MOBILE");
		}
		return new World(g, seeds);
	}

	@Property(tries = 200)
	void tracedNeverExceedsTheTransferAndMoneyIsConserved(@ForAll long seed,
			@ForAll @IntRange(min = 2, max = 40) int accounts, @ForAll @IntRange(min = 0, max = 300) int transfers,
			@ForAll @IntRange(min = 1, max = 4) int victims) {
		World w = world(seed, accounts, transfers, victims);
		long seeded = 0;
		for (int s : w.seeds()) {
			seeded += w.graph().amount(s);
		}
		for (Policy p : new Policy[] { Policy.FIFO, Policy.LIFO, Policy.HAIRCUT }) {
			TraceResult r = Trace.run(w.graph(), TraceRequest.of(p, Long.MAX_VALUE / 2, w.seeds()));
			Map<Integer, Long> in = new HashMap<>();
			Map<Integer, Long> out = new HashMap<>();
			Set<Integer> exited = new HashSet<>();
			r.exits().forEach(e -> exited.add(e.transfer()));
			for (TraceResult.Flow f : r.flows()) {
				assertThat(f.traced()).as(p + " flow " + f.transfer()).isBetween(1L, f.amount());
				long sum = 0;
				for (long v : f.perVictim()) {
					assertThat(v).isNotNegative();
					sum += v;
				}
				assertThat(sum).isEqualTo(f.traced());
				if (f.level() > 1) {
					out.merge(f.from(), f.traced(), Long::sum);
				}
				if (!exited.contains(f.transfer())) {
					in.merge(f.to(), f.traced(), Long::sum);
				}
			}
			Map<Integer, Long> held = new HashMap<>();
			r.holdings().forEach(h -> held.put(h.account(), h.amount()));
			// per account: traced in = traced out (including exits) + held
			for (Map.Entry<Integer, Long> e : in.entrySet()) {
				long o = out.getOrDefault(e.getKey(), 0L);
				long h = held.getOrDefault(e.getKey(), 0L);
				assertThat(o + h).as(p + " account " + w.graph().accountId(e.getKey())).isEqualTo(e.getValue());
			}
			// all victims' money is somewhere: held or gone out of scope
			assertThat(r.totalHeld() + r.totalExited()).as(p.toString()).isEqualTo(seeded);
		}
	}

	@Property(tries = 200)
	void haircutAndFifoAgreeOnTheTotalForOneVictim(@ForAll long seed, @ForAll @IntRange(min = 2, max = 30) int accounts,
			@ForAll @IntRange(min = 0, max = 200) int transfers) {
		World w = world(seed, accounts, transfers, 1);
		TraceResult fifo = Trace.run(w.graph(), TraceRequest.of(Policy.FIFO, Long.MAX_VALUE / 2, w.seeds()));
		TraceResult haircut = Trace.run(w.graph(), TraceRequest.of(Policy.HAIRCUT, Long.MAX_VALUE / 2, w.seeds()));
		assertThat(fifo.totalHeld() + fifo.totalExited()).isEqualTo(haircut.totalHeld() + haircut.totalExited())
			.isEqualTo(w.graph().amount(w.seeds()[0]));
	}

	@Property(tries = 200)
	void poisonReachesEveryAccountTheOthersReach(@ForAll long seed, @ForAll @IntRange(min = 2, max = 40) int accounts,
			@ForAll @IntRange(min = 0, max = 300) int transfers, @ForAll @IntRange(min = 1, max = 3) int victims) {
		World w = world(seed, accounts, transfers, victims);
		Set<Integer> poison = reached(
				Trace.run(w.graph(), TraceRequest.of(Policy.POISON, Long.MAX_VALUE / 2, w.seeds())));
		for (Policy p : new Policy[] { Policy.FIFO, Policy.LIFO, Policy.HAIRCUT }) {
			assertThat(poison).as(p.toString())
				.containsAll(reached(Trace.run(w.graph(), TraceRequest.of(p, Long.MAX_VALUE / 2, w.seeds()))));
		}
	}

	static Set<Integer> reached(TraceResult r) {
		Set<Integer> s = new HashSet<>();
		for (TraceResult.Flow f : r.flows()) {
			s.add(f.to());
		}
		return s;
	}

}
