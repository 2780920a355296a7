package org.fanzha.engine.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.fanzha.engine.graph.TransferGraph;

/**
 * The earliest-arrival sweep reaches exactly the accounts that the naive search over
 * every time-respecting path reaches (the recursive SQL query's meaning), on random
 * graphs from sparse to busy enough to have checkpoints; and the checkpointed
 * {@code firstOutAfter} agrees with a walk from the account's first transfer.
 */
class ReachPropertiesTest {

	@Property(tries = 300)
	void reachesWhatEveryTimeRespectingPathReaches(@ForAll long seed, @ForAll @IntRange(min = 2, max = 60) int accounts,
			@ForAll @IntRange(min = 0, max = 1500) int transfers, @ForAll @IntRange(min = 1, max = 9) int maxHops,
			@ForAll @IntRange(min = 0, max = 200_000) int windowSeconds) {
		TracePropertiesTest.World w = TracePropertiesTest.world(seed, accounts, transfers, 3);
		TransferGraph g = w.graph();
		Reach reach = new Reach(g);
		for (int s : w.seeds()) {
			long until = g.time(s) + windowSeconds;
			int n = reach.run(s, until, maxHops);
			int[] got = reach.accounts();
			assertThat(got).hasSize(n);
			assertThat(got).as("seed %d, %d hops, %d s", s, maxHops, windowSeconds)
				.containsExactly(naive(g, s, until, maxHops));
		}
	}

	@Property(tries = 100)
	void firstOutAfterAgreesWithAWalk(@ForAll long seed, @ForAll @IntRange(min = 2, max = 8) int accounts,
			@ForAll @IntRange(min = 0, max = 3000) int transfers) {
		TransferGraph g = TracePropertiesTest.world(seed, accounts, transfers, 1).graph();
		for (int a = 0; a < g.accounts(); a++) {
			for (int index = -1; index <= g.transfers(); index += 1 + index / 7) {
				int walked = g.firstOut(a);
				while (walked != TransferGraph.NONE && walked <= index) {
					walked = g.nextOut(walked);
				}
				assertThat(g.firstOutAfter(a, index)).as("account %d after %d", a, index).isEqualTo(walked);
			}
		}
	}

	/**
	 * Breadth-first over (account, arrival, hop) states, as the recursive CTE enumerates
	 * them.
	 */
	static int[] naive(TransferGraph g, int seed, long until, int maxHops) {
		Set<Integer> reached = new HashSet<>();
		Set<Long> seen = new HashSet<>();
		ArrayDeque<long[]> queue = new ArrayDeque<>();
		if (g.to(seed) == TransferGraph.NONE) {
			return new int[0];
		}
		queue.add(new long[] { g.to(seed), seed, 1 });
		while (!queue.isEmpty()) {
			long[] s = queue.poll();
			int a = (int) s[0];
			reached.add(a);
			if (s[2] >= maxHops) {
				continue;
			}
			for (int t = g.firstOut(a); t != TransferGraph.NONE; t = g.nextOut(t)) {
				if (t > s[1] && g.time(t) <= until && g.to(t) != TransferGraph.NONE) {
					long key = ((long) t << 5) | (s[2] + 1);
					if (seen.add(key)) {
						queue.add(new long[] { g.to(t), t, s[2] + 1 });
					}
				}
			}
		}
		return reached.stream().mapToInt(Integer::intValue).sorted().toArray();
	}

	@Property(tries = 5)
	void aSecondRunForgetsTheFirst(@ForAll long seed) {
		TracePropertiesTest.World w = TracePropertiesTest.world(seed, 30, 600, 3);
		Reach reach = new Reach(w.graph());
		long until = Long.MAX_VALUE / 2;
		reach.run(w.seeds()[0], until, 8);
		reach.run(w.seeds()[1], until, 8);
		assertThat(reach.accounts()).containsExactly(naive(w.graph(), w.seeds()[1], until, 8));
	}

}
