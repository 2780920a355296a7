package org.fanzha.stream;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.fanzha.engine.graph.TransferGraph;
import org.fanzha.engine.trace.Policy;
import org.fanzha.engine.trace.Trace;
import org.fanzha.engine.trace.TraceRequest;
import org.fanzha.engine.trace.TraceResult;

/**
 * The traced holdings a feed should give, per case and account (fen held, accounts
 * holding none left out): {@link #inProcess} by the engine's {@link Trace} (FIFO, one
 * trace per case, its seeds the transfers the case's reports name, as the server's
 * {@code FundControl} traces a case) over the whole feed, and {@link #split} by the job's
 * per-account logic ({@link TaintLogic}) without Flink, each account's state apart and
 * the moves between accounts delivered as late as asked.
 */
public final class TaintReference {

	private TaintReference() {
	}

	/** case number → account → fen held. */
	public static Map<String, Map<String, Long>> inProcess(SimFeed.Feed feed, TaintLogic.Settings s) {
		TransferGraph g = new TransferGraph();
		Set<String> accounts = new LinkedHashSet<>();
		for (Transfer t : feed.transfers()) {
			accounts.add(t.fromAccount);
			if (!t.cash()) {
				accounts.add(t.toAccount);
			}
		}
		// every account is in the data, with no opening balance: the job sees only
		// transfers
		accounts.forEach(a -> g.addAccount(a, 0));
		long last = 0;
		for (Transfer t : feed.transfers()) {
			g.append(t.transferId, t.time, t.fromAccount, t.cash() ? null : t.toAccount, t.amountFen, "bank");
			last = t.time;
		}
		Map<String, Set<Integer>> seeds = new LinkedHashMap<>();
		for (SimFeed.Report r : feed.reports()) {
			seeds.computeIfAbsent(r.caseNumber(), k -> new LinkedHashSet<>()).add(g.transferIndex(r.transferId()));
		}
		Map<String, Map<String, Long>> out = new TreeMap<>();
		for (var e : seeds.entrySet()) {
			int[] idx = e.getValue().stream().mapToInt(Integer::intValue).toArray();
			TraceResult r = Trace.run(g, new TraceRequest(idx, new int[idx.length], last, Policy.FIFO, s.maxHops(),
					s.minAmountFen(), s.horizonSeconds()));
			Map<String, Long> held = new TreeMap<>();
			for (TraceResult.Holding h : r.holdings()) {
				held.put(g.accountId(h.account()), h.amount());
			}
			if (!held.isEmpty()) {
				out.put(e.getKey(), held);
			}
		}
		return out;
	}

	/**
	 * The job's logic without Flink. {@code lag}: how many of the feed's transfers pass
	 * before a move (a seed from a report at its time, or taint sent on by an account)
	 * reaches its account; {@link Integer#MAX_VALUE}: after the whole feed. {@code late}
	 * receives the events dropped as older than the kept history.
	 */
	public static Map<String, Map<String, Long>> split(SimFeed.Feed feed, TaintLogic.Settings s, int lag, long[] late) {
		TaintLogic logic = new TaintLogic(s);
		Map<String, TaintLogic.Account> state = new HashMap<>();
		Map<String, Map<String, Long>> held = new TreeMap<>();
		Map<String, Transfer> byId = new HashMap<>();
		ArrayDeque<long[]> due = new ArrayDeque<>(); // {due at transfer number, index
														// into pending}
		List<TaintEvent> pending = new ArrayList<>();
		int[] clock = new int[1];
		TaintLogic.Sink sink = new TaintLogic.Sink() {
			@Override
			public void move(String to, String transferId, String caseNumber, long traced, int level, long until,
					long time) {
				pending.add(TaintEvent.move(to, transferId, caseNumber, traced, level, until, time));
				due.add(new long[] { lag == Integer.MAX_VALUE ? Long.MAX_VALUE : (long) clock[0] + lag,
						pending.size() - 1 });
			}

			@Override
			public void holding(String account, String caseNumber, long amount, int level, long asOf) {
				Map<String, Long> c = held.computeIfAbsent(caseNumber, k -> new TreeMap<>());
				if (amount == 0) {
					c.remove(account);
				}
				else {
					c.put(account, amount);
				}
			}
		};
		int r = 0;
		List<SimFeed.Report> reports = feed.reports();
		for (Transfer t : feed.transfers()) {
			for (; r < reports.size() && reports.get(r).reportedAt() <= t.time; r++) {
				seed(reports.get(r), byId, s, sink);
			}
			deliver(due, pending, clock[0], logic, state, sink);
			byId.put(t.transferId, t);
			logic.transfer(state.computeIfAbsent(t.fromAccount, k -> new TaintLogic.Account()), t.fromAccount, true,
					t.transferId, t.time, t.amountFen, t.cash() ? null : t.toAccount, sink);
			if (!t.cash()) {
				logic.transfer(state.computeIfAbsent(t.toAccount, k -> new TaintLogic.Account()), t.toAccount, false,
						t.transferId, t.time, t.amountFen, t.fromAccount, sink);
			}
			clock[0]++;
		}
		for (; r < reports.size(); r++) {
			seed(reports.get(r), byId, s, sink);
		}
		while (!due.isEmpty()) {
			deliver(due, pending, Long.MAX_VALUE, logic, state, sink);
		}
		held.values().removeIf(Map::isEmpty);
		late[0] = state.values().stream().mapToLong(a -> a.late).sum();
		return held;
	}

	private static void seed(SimFeed.Report r, Map<String, Transfer> byId, TaintLogic.Settings s,
			TaintLogic.Sink sink) {
		Transfer t = byId.get(r.transferId());
		if (t != null && !t.cash() && t.amountFen >= s.minAmountFen()) {
			sink.move(t.toAccount, t.transferId, r.caseNumber(), t.amountFen, 1, t.time + s.horizonSeconds(), t.time);
		}
	}

	private static void deliver(ArrayDeque<long[]> due, List<TaintEvent> pending, long now, TaintLogic logic,
			Map<String, TaintLogic.Account> state, TaintLogic.Sink sink) {
		// moves sent while delivering are due later (they join the queue's end)
		int n = due.size();
		for (int i = 0; i < n && !due.isEmpty() && due.peek()[0] <= now; i++) {
			TaintEvent m = pending.get((int) due.poll()[1]);
			logic.move(state.computeIfAbsent(m.account, k -> new TaintLogic.Account()), m.account, m.transferId,
					m.caseNumber, m.traced, m.level, m.until, m.time, sink);
		}
	}

	/**
	 * (case, account) pairs whose holding differs between two answers (one lacking it
	 * counts).
	 */
	public static List<String> differences(Map<String, Map<String, Long>> expected,
			Map<String, Map<String, Long>> actual) {
		List<String> diff = new ArrayList<>();
		Set<String> cases = new LinkedHashSet<>(expected.keySet());
		cases.addAll(actual.keySet());
		for (String c : cases) {
			Map<String, Long> e = expected.getOrDefault(c, Map.of());
			Map<String, Long> a = actual.getOrDefault(c, Map.of());
			Set<String> accounts = new LinkedHashSet<>(e.keySet());
			accounts.addAll(a.keySet());
			for (String acc : accounts) {
				Long x = e.get(acc);
				Long y = a.get(acc);
				if (!Objects.equals(x, y)) {
					diff.add(c + " " + acc + ": " + x + " in process, " + y + " here");
				}
			}
		}
		return diff;
	}

}
