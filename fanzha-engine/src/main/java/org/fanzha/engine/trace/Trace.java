package org.fanzha.engine.trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

import org.fanzha.core.Money;
import org.fanzha.engine.graph.IntMap;
import org.fanzha.engine.graph.TransferGraph;

/**
 * A fund trace that stays open: {@link #advance(long)} follows the money up to a time,
 * and {@link #onAppended(int)} extends it when a newly ingested transfer moves traced
 * money (live tracing: one in-process call per transfer, no polling).
 *
 * <p>
 * Algorithm: a time-ordered sweep over the accounts the money reached. Because the graph
 * stores transfers in time order, a transfer's index is its place in time, so the sweep
 * is a priority queue of touched accounts keyed by the index of their next unprocessed
 * transfer (outgoing before incoming at the same index, so a transfer's taint is known
 * before its receiver books it). When money first reaches an account, its history before
 * that moment is summed into one untainted lot (opening balance first, then what came and
 * went); from then on every transfer in or out of it is booked on its {@link Ledger}
 * under the chosen {@link Policy}, and each outgoing transfer that carries traced money
 * becomes a {@link TraceResult.Flow} and taints the receiver.
 *
 * <p>
 * Cost: O(h + e log a) for h transfers of history before the money arrived, e transfers
 * booked after it and a touched accounts; memory O(a + lots). Accounts that never pay out
 * after the money arrived (merchants, the last mule before cash-out) cost one look at
 * their last outgoing transfer.
 */
public final class Trace {

	/** Receives each new flow as it is found, for live stop-payment instructions. */
	public interface FlowListener {

		void onFlow(TraceResult.Flow flow);

	}

	private final TransferGraph g;

	private final TraceRequest request;

	private final int victims;

	private final long limitTime;

	private final FlowListener listener;

	private final IntMap<Ledger> ledgers = new IntMap<>();

	private final List<Ledger> touched = new ArrayList<>();

	private final IntMap<long[]> taint = new IntMap<>();

	private final PriorityQueue<Ledger> queue = new PriorityQueue<>((a, b) -> Long.compare(a.key, b.key));

	private final List<TraceResult.Flow> flows = new ArrayList<>();

	private final List<TraceResult.Exit> exits = new ArrayList<>();

	private long advancedTo = Long.MIN_VALUE;

	Trace(TransferGraph graph, TraceRequest request, FlowListener listener) {
		this.g = graph;
		this.request = request;
		this.victims = request.victims();
		this.listener = listener;
		long first = Long.MAX_VALUE;
		for (int s : request.seeds()) {
			if (s < 0 || s >= graph.transfers()) {
				throw new IllegalArgumentException("unknown seed transfer index " + s);
			}
			first = Math.min(first, graph.time(s));
		}
		this.limitTime = first > Long.MAX_VALUE - request.horizonSeconds() ? Long.MAX_VALUE
				: first + request.horizonSeconds();
		seed();
	}

	/** Starts a trace and follows it to its as-of time. */
	public static Trace start(TransferGraph graph, TraceRequest request, FlowListener listener) {
		Trace t = new Trace(graph, request, listener);
		t.advance(request.asOf());
		return t;
	}

	public static TraceResult run(TransferGraph graph, TraceRequest request) {
		return start(graph, request, null).result();
	}

	private void seed() {
		int[] seeds = request.seeds().clone();
		Integer[] order = new Integer[seeds.length];
		for (int i = 0; i < order.length; i++) {
			order[i] = i;
		}
		Arrays.sort(order, (a, b) -> Integer.compare(seeds[a], seeds[b]));
		for (int k : order) {
			int s = seeds[k];
			if (g.time(s) > request.asOf()) {
				throw new IllegalArgumentException("seed transfer " + g.transferId(s) + " is after the as-of time");
			}
			long[] per = new long[victims];
			per[request.victimOf(k)] = g.amount(s);
			long[] before = taint.putIfAbsent(s, per);
			if (before != null) {
				throw new IllegalArgumentException("seed transfer " + g.transferId(s) + " given twice");
			}
			emit(s, g.from(s), per, g.amount(s), 1);
		}
	}

	/**
	 * Follows the money through every transfer up to {@code asOf} (and within the
	 * horizon).
	 */
	public void advance(long asOf) {
		long until = Math.min(asOf, limitTime);
		if (until <= advancedTo) {
			return;
		}
		advancedTo = until;
		for (Ledger l : touched) {
			if (!l.queued) {
				requeue(l);
			}
		}
		run(until);
	}

	/**
	 * Live tracing: a transfer was just appended to the graph; extend the trace if it
	 * moves traced money.
	 */
	public void onAppended(int transfer) {
		long t = g.time(transfer);
		if (t > limitTime) {
			return;
		}
		advancedTo = Math.max(advancedTo, t);
		Ledger from = ledgers.get(g.from(transfer));
		if (from != null && !from.queued) {
			requeue(from);
		}
		int to = g.to(transfer);
		Ledger into = to < 0 ? null : ledgers.get(to);
		if (into != null && !into.queued) {
			requeue(into);
		}
		run(t);
	}

	private void run(long until) {
		while (!queue.isEmpty()) {
			Ledger l = queue.peek();
			int idx = (int) (l.key >>> 1);
			if (g.time(idx) > until) {
				break;
			}
			queue.poll();
			l.queued = false;
			if ((l.key & 1) == 1) {
				bookIn(l, idx);
			}
			else {
				bookOut(l, idx);
			}
			requeue(l);
		}
	}

	private void requeue(Ledger l) {
		int in = l.lastIn == TransferGraph.NONE ? g.firstIn(l.account) : g.nextIn(l.lastIn);
		int out = l.lastOut == TransferGraph.NONE ? g.firstOut(l.account) : g.nextOut(l.lastOut);
		long kIn = in == TransferGraph.NONE ? Long.MAX_VALUE : ((long) in << 1) | 1;
		long kOut = out == TransferGraph.NONE ? Long.MAX_VALUE : (long) out << 1;
		if (kOut == Long.MAX_VALUE) {
			// nothing leaves the account (yet): its inflows need no booking until
			// something does (see result())
			return;
		}
		long key = Math.min(kIn, kOut);
		if (key != Long.MAX_VALUE) {
			l.key = key;
			l.queued = true;
			queue.add(l);
		}
	}

	private void bookIn(Ledger l, int idx) {
		l.lastIn = idx;
		long[] per = taint.get(idx);
		l.deposit(g.amount(idx), per, idx);
	}

	private void bookOut(Ledger l, int idx) {
		l.lastOut = idx;
		if (g.to(idx) == l.account) {
			return;
		}
		long amount = g.amount(idx);
		long[] per = l.withdraw(amount);
		if (per == null) {
			return;
		}
		long traced = 0;
		for (long p : per) {
			traced += p;
		}
		if (traced > 0) {
			emit(idx, l.account, per, traced, l.level + 1);
		}
	}

	/**
	 * A transfer carried traced money: record the flow and follow it, or record where it
	 * left.
	 */
	private void emit(int idx, int from, long[] per, long traced, int level) {
		int to = g.to(idx);
		TraceResult.Flow flow = new TraceResult.Flow(idx, from, to, g.time(idx), g.amount(idx), traced, per, level);
		flows.add(flow);
		if (listener != null) {
			listener.onFlow(flow);
		}
		if (to == TransferGraph.NONE) {
			exits.add(new TraceResult.Exit(idx, from, g.channel(idx), traced, per, TraceResult.ExitKind.CASH_OUT));
			return;
		}
		if (g.isExternal(to)) {
			exits.add(new TraceResult.Exit(idx, from, g.channel(idx), traced, per, TraceResult.ExitKind.OUTSIDE_DATA));
			return;
		}
		if (level > request.maxHops() || traced < request.minAmountFen()) {
			exits.add(new TraceResult.Exit(idx, from, g.channel(idx), traced, per, TraceResult.ExitKind.LIMIT));
			return;
		}
		taint.put(idx, per);
		Ledger l = ledgers.get(to);
		if (l == null) {
			l = open(to, idx, level);
		}
		else if (level < l.level) {
			l.level = level;
		}
		if (!l.queued) {
			requeue(l);
		}
	}

	/**
	 * First traced money reaches an account at transfer {@code idx}: its earlier history
	 * becomes one lot.
	 */
	private Ledger open(int account, int idx, int level) {
		TransferGraph.StateBefore before = g.stateBefore(account, idx);
		Ledger l = Ledger.create(request.policy(), victims, account, level, Math.max(0, before.balance()));
		l.lastIn = before.lastIn();
		l.lastOut = before.lastOut();
		ledgers.put(account, l);
		touched.add(l);
		return l;
	}

	public TraceResult result() {
		List<TraceResult.Holding> holdings = new ArrayList<>();
		for (Ledger l : touched) {
			// book inflows that nothing has left the account after yet: in order, so the
			// state is as if booked eagerly
			for (int in = l.lastIn == TransferGraph.NONE ? g.firstIn(l.account)
					: g.nextIn(l.lastIn); in != TransferGraph.NONE && g.time(in) <= advancedTo
							&& (l.lastOut == TransferGraph.NONE ? g.firstOut(l.account)
									: g.nextOut(l.lastOut)) == TransferGraph.NONE; in = g.nextIn(in)) {
				bookIn(l, in);
			}
			long[] per = l.held();
			long sum = 0;
			for (long p : per) {
				sum += p;
			}
			if (sum > 0) {
				holdings.add(new TraceResult.Holding(l.account, sum, per, l.level, l.lastTainted));
			}
		}
		holdings.sort((a, b) -> Long.compare(b.amount(), a.amount()));
		List<TraceResult.Flow> f = new ArrayList<>(flows);
		f.sort((a, b) -> Integer.compare(a.transfer(), b.transfer()));
		return new TraceResult(request.policy(), advancedTo, victims, f, holdings, List.copyOf(exits));
	}

	/**
	 * An account's money as the trace sees it. FIFO and LIFO keep lots (owner, amount) in
	 * a deque; haircut and poison keep one untainted balance and one balance per victim.
	 */
	abstract static class Ledger {

		final int account;

		final int victims;

		int level;

		long key;

		boolean queued;

		/**
		 * The last transfer in (out) booked; NONE means none since the trace reached the
		 * account.
		 */
		int lastIn;

		int lastOut;

		int lastTainted = TransferGraph.NONE;

		Ledger(int account, int victims, int level) {
			this.account = account;
			this.victims = victims;
			this.level = level;
		}

		static Ledger create(Policy policy, int victims, int account, int level, long clean) {
			return switch (policy) {
				case FIFO -> new Lots(account, victims, level, clean, true);
				case LIFO -> new Lots(account, victims, level, clean, false);
				case HAIRCUT -> new Shares(account, victims, level, clean, false);
				case POISON -> new Shares(account, victims, level, clean, true);
			};
		}

		/**
		 * Books money in; {@code per} is the traced part per victim, or null when none is
		 * traced.
		 */
		abstract void deposit(long amount, long[] per, int transfer);

		/**
		 * Books money out; returns the traced part per victim, or null when none is
		 * traced.
		 */
		abstract long[] withdraw(long amount);

		abstract long[] held();

	}

	/** FIFO/LIFO: a deque of lots; owner -1 is the account's own money. */
	static final class Lots extends Ledger {

		private final boolean fifo;

		private int[] owner = new int[8];

		private long[] amt = new long[8];

		private int head;

		private int tail;

		Lots(int account, int victims, int level, long clean, boolean fifo) {
			super(account, victims, level);
			this.fifo = fifo;
			if (clean > 0) {
				push(-1, clean);
			}
		}

		private void push(int who, long a) {
			if (a <= 0) {
				return;
			}
			if (tail > head && owner[tail - 1] == who) {
				amt[tail - 1] += a;
				return;
			}
			if (tail == owner.length) {
				if (head > 0) {
					System.arraycopy(owner, head, owner, 0, tail - head);
					System.arraycopy(amt, head, amt, 0, tail - head);
					tail -= head;
					head = 0;
				}
				if (tail == owner.length) {
					owner = Arrays.copyOf(owner, owner.length * 2);
					amt = Arrays.copyOf(amt, amt.length * 2);
				}
			}
			owner[tail] = who;
			amt[tail] = a;
			tail++;
		}

		@Override
		void deposit(long amount, long[] per, int transfer) {
			long tainted = 0;
			if (per != null) {
				// within one transfer: victims in index order, then the untainted rest
				if (fifo) {
					for (int v = 0; v < per.length; v++) {
						push(v, per[v]);
						tainted += per[v];
					}
					push(-1, amount - tainted);
				}
				else {
					for (long p : per) {
						tainted += p;
					}
					push(-1, amount - tainted);
					for (int v = per.length - 1; v >= 0; v--) {
						push(v, per[v]);
					}
				}
				if (tainted > 0) {
					lastTainted = transfer;
				}
			}
			else {
				push(-1, amount);
			}
		}

		@Override
		long[] withdraw(long amount) {
			long[] per = null;
			long left = amount;
			while (left > 0 && tail > head) {
				int i = fifo ? head : tail - 1;
				long take = Math.min(left, amt[i]);
				if (owner[i] >= 0) {
					if (per == null) {
						per = new long[victims];
					}
					per[owner[i]] += take;
				}
				amt[i] -= take;
				left -= take;
				if (amt[i] == 0) {
					if (fifo) {
						head++;
					}
					else {
						tail--;
					}
				}
			}
			if (head == tail) {
				head = tail = 0;
			}
			return per;
		}

		@Override
		long[] held() {
			long[] per = new long[victims];
			for (int i = head; i < tail; i++) {
				if (owner[i] >= 0) {
					per[owner[i]] += amt[i];
				}
			}
			return per;
		}

	}

	/** Haircut and poison: untainted balance plus a balance per victim. */
	static final class Shares extends Ledger {

		private final boolean poison;

		private long clean;

		private final long[] victim;

		/**
		 * Poison: what each victim ever brought in; shares what the account's own money
		 * becomes.
		 */
		private final long[] received;

		private boolean poisoned;

		Shares(int account, int victims, int level, long clean, boolean poison) {
			super(account, victims, level);
			this.poison = poison;
			this.clean = clean;
			this.victim = new long[victims];
			this.received = new long[victims];
		}

		@Override
		void deposit(long amount, long[] per, int transfer) {
			long tainted = 0;
			if (per != null) {
				for (int v = 0; v < per.length; v++) {
					victim[v] += per[v];
					received[v] += per[v];
					tainted += per[v];
				}
				if (tainted > 0) {
					lastTainted = transfer;
					if (poison && !poisoned) {
						poisoned = true;
						// poison: the account's own money counts as tainted from now on,
						// shared like the taint
						spreadClean(per, tainted);
					}
				}
			}
			long rest = amount - tainted;
			if (rest > 0) {
				if (poisoned) {
					spread(rest);
				}
				else {
					clean += rest;
				}
			}
		}

		private void spreadClean(long[] per, long tainted) {
			if (clean > 0) {
				long[] parts = Money.allocateLargestRemainder(clean, per);
				for (int v = 0; v < parts.length; v++) {
					victim[v] += parts[v];
				}
				clean = 0;
			}
		}

		private void spread(long amount) {
			if (victims == 1) {
				victim[0] += amount;
				return;
			}
			long[] parts = Money.allocateLargestRemainder(amount, received);
			for (int v = 0; v < parts.length; v++) {
				victim[v] += parts[v];
			}
		}

		@Override
		long[] withdraw(long amount) {
			if (poisoned) {
				// everything that leaves a poisoned account is traced, shared by what
				// each victim brought in
				long[] parts = victims == 1 ? new long[] { amount } : Money.allocateLargestRemainder(amount, received);
				for (int v = 0; v < victim.length; v++) {
					victim[v] = Math.max(0, victim[v] - parts[v]);
				}
				return parts;
			}
			long taintedTotal = 0;
			for (long v : victim) {
				taintedTotal += v;
			}
			if (taintedTotal == 0) {
				clean = Math.max(0, clean - amount);
				return null;
			}
			long total = clean + taintedTotal;
			long take = Math.min(amount, total);
			long[] weights = new long[victims + 1];
			weights[0] = clean;
			System.arraycopy(victim, 0, weights, 1, victims);
			long[] parts = Money.allocateLargestRemainder(take, weights);
			clean -= parts[0];
			long[] per = new long[victims];
			for (int v = 0; v < victims; v++) {
				per[v] = parts[v + 1];
				victim[v] -= per[v];
			}
			return per;
		}

		@Override
		long[] held() {
			return victim.clone();
		}

	}

}
