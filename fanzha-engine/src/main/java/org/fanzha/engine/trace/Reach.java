package org.fanzha.engine.trace;

import java.util.Arrays;

import org.fanzha.engine.graph.TransferGraph;

/**
 * Poison reach: every account that money from one transfer can have reached along
 * time-respecting paths of at most {@code maxHops} transfers before a time limit — the
 * question "where could the victim's money be now", without the per-victim amounts that
 * {@link Trace} books.
 *
 * <p>
 * Algorithm: a temporal earliest-arrival sweep, in rounds by hop count (Bellman–Ford over
 * time). {@code earliest[a]} is the index (= time order) of the earliest transfer that
 * brings money into account {@code a} within the hops counted so far. In round {@code h}
 * each account whose earliest arrival improved in round {@code h-1} looks at its outgoing
 * transfers after that arrival, found by {@link TransferGraph#firstOutAfter} (a binary
 * search over the account's checkpoints), and offers each receiver an arrival one hop
 * further. An account's arrivals only get earlier, and what it sent after an earlier-seen
 * arrival was already offered in an earlier round with fewer hops, so a round scans only
 * the new prefix {@code (earliest now, earliest at the last scan]}: every outgoing
 * transfer of every reached account is looked at <em>at most once</em> over the whole
 * sweep, however many rounds there are. The visited set is a bitmap; the per-account
 * arrays are reused between queries and cleared through the list of accounts touched.
 *
 * <p>
 * Cost: O(e + a·(log c + 64)) for e transfers leaving the a reached accounts inside the
 * window and c checkpoints per busy account; no allocation per query once the arrays have
 * grown. The answer equals a recursive SQL query that follows {@code t.seq > r.seq} from
 * every reached account up to the hop limit (checked in the bench harness).
 *
 * <p>
 * Reference: Wu, Cheng, Huang, Ke, Lu, Xu, "Path problems in temporal graphs", PVLDB
 * 7(9), 2014 (earliest-arrival paths in one pass over time-ordered edges); here with a
 * hop limit, hence the rounds.
 */
public final class Reach {

	private static final int UNSEEN = Integer.MAX_VALUE;

	private final TransferGraph g;

	private long[] visited = new long[0];

	private int[] earliest = new int[0];

	/**
	 * The arrival an account's last scan started from: its outgoing transfers after it
	 * were offered already.
	 */
	private int[] scannedFrom = new int[0];

	/** The round in which an account was last queued, so it is queued once per round. */
	private int[] queuedIn = new int[0];

	private int round;

	private int[] touched = new int[64];

	private int touchedCount;

	private int[] frontier = new int[64];

	private int[] frontierAt = new int[64];

	private int[] next = new int[64];

	public Reach(TransferGraph g) {
		this.g = g;
	}

	/**
	 * Sweeps from transfer {@code seed}: its receiver is reached at hop 1; transfers
	 * later than {@code untilEpochSecond} are not followed. Returns the number of
	 * accounts reached; {@link #account(int)} lists them until the next call.
	 */
	public int run(int seed, long untilEpochSecond, int maxHops) {
		clear();
		grow(g.accounts());
		final TransferGraph graph = g;
		int first = graph.to(seed);
		if (first == TransferGraph.NONE || maxHops < 1) {
			return 0;
		}
		touch(first);
		earliest[first] = seed;
		int frontierSize = 1;
		frontier[0] = first;
		final int[] earliestArr = earliest;
		final int[] scanned = scannedFrom;
		final int[] queued = queuedIn;
		for (int hop = 1; hop < maxHops && frontierSize > 0; hop++) {
			int r = ++round;
			// the arrivals this round starts from, before this round's offers lower any
			// of them
			for (int i = 0; i < frontierSize; i++) {
				frontierAt[i] = earliestArr[frontier[i]];
			}
			int nextSize = 0;
			for (int i = 0; i < frontierSize; i++) {
				int a = frontier[i];
				int from = frontierAt[i];
				int upTo = scanned[a];
				scanned[a] = from;
				for (int t = graph.firstOutAfter(a, from); t != TransferGraph.NONE && t <= upTo; t = graph.nextOut(t)) {
					if (graph.time(t) > untilEpochSecond) {
						break;
					}
					int b = graph.to(t);
					if (b == TransferGraph.NONE) {
						continue;
					}
					if (!isVisited(b)) {
						touch(b);
					}
					else if (t >= earliestArr[b]) {
						continue;
					}
					earliestArr[b] = t;
					if (queued[b] != r) {
						queued[b] = r;
						if (nextSize == next.length) {
							next = Arrays.copyOf(next, nextSize * 2);
						}
						next[nextSize++] = b;
					}
				}
			}
			int[] swap = frontier;
			frontier = next;
			next = swap;
			if (frontierAt.length < frontier.length) {
				frontierAt = new int[frontier.length];
			}
			frontierSize = nextSize;
		}
		return touchedCount;
	}

	/**
	 * The {@code i}-th account reached by the last {@link #run}, in the order they were
	 * first reached.
	 */
	public int account(int i) {
		if (i < 0 || i >= touchedCount) {
			throw new IndexOutOfBoundsException(i);
		}
		return touched[i];
	}

	/**
	 * The accounts reached by the last run, sorted (a copy, for callers off the hot
	 * path).
	 */
	public int[] accounts() {
		int[] a = Arrays.copyOf(touched, touchedCount);
		Arrays.sort(a);
		return a;
	}

	private boolean isVisited(int a) {
		return (visited[a >>> 6] & (1L << a)) != 0;
	}

	private void touch(int a) {
		visited[a >>> 6] |= 1L << a;
		earliest[a] = UNSEEN;
		scannedFrom[a] = UNSEEN;
		if (touchedCount == touched.length) {
			touched = Arrays.copyOf(touched, touchedCount * 2);
		}
		touched[touchedCount++] = a;
	}

	private void clear() {
		for (int i = 0; i < touchedCount; i++) {
			visited[touched[i] >>> 6] = 0;
		}
		touchedCount = 0;
	}

	private void grow(int accounts) {
		if (earliest.length < accounts) {
			int n = Math.max(accounts, earliest.length * 2);
			visited = Arrays.copyOf(visited, (n + 63) >>> 6);
			earliest = Arrays.copyOf(earliest, n);
			scannedFrom = Arrays.copyOf(scannedFrom, n);
			queuedIn = Arrays.copyOf(queuedIn, n);
		}
	}

}
