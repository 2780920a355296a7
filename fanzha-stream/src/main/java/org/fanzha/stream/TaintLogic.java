package org.fanzha.stream;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fanzha.engine.trace.Policy;
import org.fanzha.engine.trace.Trace;

/**
 * Live tracing as taint propagation, one account at a time: the engine's FIFO trace
 * ({@link Trace} with {@link Policy#FIFO}, one trace per case) computed from the
 * receiving account's side, so that a stream processor can run it on state keyed by
 * account. Flink-free; {@link TaintStage} holds an {@link Account} per key.
 *
 * <p>
 * Algorithm. An account keeps its transfers of the last {@link Settings#historySeconds}
 * (in and out, sorted as the trace books them: time, transfer id, out before in), the
 * balance of everything older ({@code base}), and per case the taint its inflows carry
 * (transfer id, fen, level), as {@link #move} delivers it. A case's ledger is a function
 * of that: it opens at the case's first tainted inflow (its first seed if a report named
 * one of its inflows, as {@code Trace} opens every seed's payee first) with one untainted
 * lot of the balance just before (never below zero), then books every later transfer in
 * order: an inflow puts its tainted part and then its untainted rest at the back, an
 * outflow takes from the front (more than the lots hold is untraced), a transfer to the
 * account itself moves nothing. An outflow that takes traced money is followed (a
 * {@link Sink#move} to the receiver) unless it is cash, goes beyond
 * {@link Settings#maxHops} or carries less than {@link Settings#minAmountFen} (Trace's
 * LIMIT exits). Whenever anything arrives (a transfer, possibly out of order, or taint
 * that comes late because it crossed keys), the account's cases are replayed from their
 * opening and only what changed is sent: moves are absolute (this transfer carries this
 * much of the case; 0 withdraws an earlier move), so corrections are idempotent and the
 * whole converges to Trace's fixed point, which exists because a transfer's taint depends
 * only on earlier transfers. Each case's holding (its tainted lots) is sent when it
 * changes.
 *
 * <p>
 * Window. Transfers older than the newest one seen by {@code historySeconds} are folded
 * away: into {@code base}, and for a case already open into a snapshot of its lots at the
 * first kept transfer. Taint (or a transfer) that arrives for a moment before the kept
 * history is counted in {@link Account#late} and dropped (a case cannot be replayed
 * there; docs/stream.md).
 *
 * <p>
 * Cost: a replay is O(h) per open case for h kept transfers, on every event of an account
 * holding a case (mules, a handful of transfers a day); an account holding none does an
 * insertion into its sorted history. State: about 50 bytes a kept transfer plus the
 * cases. Not thread-safe (one per operator instance).
 */
public final class TaintLogic {

	/**
	 * The trace's limits (as the server's {@code FundsProperties.Trace}) and the kept
	 * history.
	 */
	public record Settings(int maxHops, long minAmountFen, long horizonSeconds,
			long historySeconds) implements Serializable {

		/** The server's defaults (8 hops, 100 fen, 30 days) and 72 h of history. */
		public static Settings defaults() {
			return new Settings(8, 100, 30L * 86_400, 72L * 3_600);
		}

	}

	/** Where the results go. */
	public interface Sink {

		/**
		 * Transfer {@code transferId} carries {@code traced} fen of the case to
		 * {@code to} (0: no longer).
		 */
		void move(String to, String transferId, String caseNumber, long traced, int level, long until, long time);

		/**
		 * {@code account} now holds {@code held} fen of the case ({@code asOf}: its
		 * newest transfer).
		 */
		void holding(String account, String caseNumber, long held, int level, long asOf);

	}

	/** One kept transfer of an account. */
	static final class Kept {

		long time;

		String id;

		boolean out;

		long amount;

		/** The other account; null for cash, the account itself for a self-transfer. */
		String party;

		int compareTo(long t, String i, boolean o) {
			int c = Long.compare(time, t);
			if (c != 0) {
				return c;
			}
			c = id.compareTo(i);
			if (c != 0) {
				return c;
			}
			return out == o ? 0 : out ? -1 : 1;
		}

	}

	/** One case as one account sees it. */
	static final class Case {

		final String number;

		long until = Long.MAX_VALUE;

		/** Taint on inflows: transfer id to {fen, level, time}. */
		final Map<String, long[]> in = new HashMap<>();

		/**
		 * The case's lots at the first kept transfer when it opened before it (else
		 * null): a clean lot as its negated amount.
		 */
		long[] snap;

		int snapLevel;

		/** Moves sent and not withdrawn: outflow id to fen. */
		final Map<String, Long> sent = new HashMap<>();

		long held;

		Case(String number) {
			this.number = number;
		}

	}

	/** An account's tracing state. */
	public static final class Account {

		long base;

		long newest = Long.MIN_VALUE;

		final List<Kept> kept = new ArrayList<>();

		final List<Case> cases = new ArrayList<>();

		/** Events dropped because they were older than the kept history. */
		public long late;

		public byte[] encode() {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + kept.size() * 48);
			try (DataOutputStream out = new DataOutputStream(bytes)) {
				out.writeLong(base);
				out.writeLong(newest);
				out.writeLong(late);
				out.writeInt(kept.size());
				for (Kept k : kept) {
					out.writeLong(k.time);
					out.writeUTF(k.id);
					out.writeBoolean(k.out);
					out.writeLong(k.amount);
					writeNullable(out, k.party);
				}
				out.writeInt(cases.size());
				for (Case c : cases) {
					out.writeUTF(c.number);
					out.writeLong(c.until);
					out.writeLong(c.held);
					out.writeInt(c.snapLevel);
					out.writeInt(c.snap == null ? -1 : c.snap.length);
					if (c.snap != null) {
						for (long l : c.snap) {
							out.writeLong(l);
						}
					}
					out.writeInt(c.in.size());
					for (var e : c.in.entrySet()) {
						out.writeUTF(e.getKey());
						out.writeLong(e.getValue()[0]);
						out.writeLong(e.getValue()[1]);
						out.writeLong(e.getValue()[2]);
					}
					out.writeInt(c.sent.size());
					for (var e : c.sent.entrySet()) {
						out.writeUTF(e.getKey());
						out.writeLong(e.getValue());
					}
				}
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			return bytes.toByteArray();
		}

		public static Account decode(byte[] b) {
			Account a = new Account();
			try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(b))) {
				a.base = in.readLong();
				a.newest = in.readLong();
				a.late = in.readLong();
				for (int n = in.readInt(); n > 0; n--) {
					Kept k = new Kept();
					k.time = in.readLong();
					k.id = in.readUTF();
					k.out = in.readBoolean();
					k.amount = in.readLong();
					k.party = readNullable(in);
					a.kept.add(k);
				}
				for (int n = in.readInt(); n > 0; n--) {
					Case c = new Case(in.readUTF());
					c.until = in.readLong();
					c.held = in.readLong();
					c.snapLevel = in.readInt();
					int s = in.readInt();
					if (s >= 0) {
						c.snap = new long[s];
						for (int i = 0; i < s; i++) {
							c.snap[i] = in.readLong();
						}
					}
					for (int m = in.readInt(); m > 0; m--) {
						c.in.put(in.readUTF(), new long[] { in.readLong(), in.readLong(), in.readLong() });
					}
					for (int m = in.readInt(); m > 0; m--) {
						c.sent.put(in.readUTF(), in.readLong());
					}
					a.cases.add(c);
				}
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			return a;
		}

		private static void writeNullable(DataOutputStream out, String s) throws IOException {
			out.writeBoolean(s != null);
			if (s != null) {
				out.writeUTF(s);
			}
		}

		private static String readNullable(DataInputStream in) throws IOException {
			return in.readBoolean() ? in.readUTF() : null;
		}

		/** The case's holding as last sent (0 when none). */
		public long held(String caseNumber) {
			Case c = find(caseNumber);
			return c == null ? 0 : c.held;
		}

		Case find(String number) {
			for (Case c : cases) {
				if (c.number.equals(number)) {
					return c;
				}
			}
			return null;
		}

	}

	private final Settings settings;

	/** The ledger of the replay: a FIFO deque of lots, clean ones negated. */
	private long[] lots = new long[16];

	private int head;

	private int tail;

	/** Per kept transfer during a replay: the fen an outflow takes of the case. */
	private long[] took = new long[16];

	private int[] levelAt = new int[16];

	public TaintLogic(Settings settings) {
		this.settings = settings;
	}

	public Settings settings() {
		return settings;
	}

	/**
	 * One of the account's own transfers ({@code out}: it paid; {@code party}: the other
	 * account, null for cash).
	 */
	public void transfer(Account a, String self, boolean out, String id, long time, long amount, String party,
			Sink sink) {
		if (a.newest != Long.MIN_VALUE && time < a.newest - settings.historySeconds()) {
			// older than the kept history: only the balance can take it
			a.late++;
			a.base += out ? -amount : amount;
			return;
		}
		int at = a.kept.size();
		while (at > 0 && a.kept.get(at - 1).compareTo(time, id, out) > 0) {
			at--;
		}
		if (at > 0 && a.kept.get(at - 1).compareTo(time, id, out) == 0) {
			return; // seen already
		}
		Kept k = new Kept();
		k.time = time;
		k.id = id;
		k.out = out;
		k.amount = amount;
		k.party = party;
		a.kept.add(at, k);
		if (time > a.newest) {
			a.newest = time;
			fold(a, self);
		}
		for (int i = 0; i < a.cases.size(); i++) {
			replay(a, self, a.cases.get(i), sink);
		}
	}

	/**
	 * Taint moved onto one of the account's inflows: from a report (level 1) or from the
	 * payer's key.
	 */
	public void move(Account a, String self, String transferId, String caseNumber, long traced, int level, long until,
			long time, Sink sink) {
		if (a.newest != Long.MIN_VALUE && time < a.newest - settings.historySeconds()) {
			a.late++;
			return;
		}
		Case c = a.find(caseNumber);
		if (c == null) {
			if (traced <= 0) {
				return;
			}
			c = new Case(caseNumber);
			a.cases.add(c);
		}
		c.until = Math.min(c.until, until);
		if (traced > 0) {
			c.in.put(transferId, new long[] { traced, level, time });
		}
		else {
			c.in.remove(transferId);
		}
		replay(a, self, c, sink);
	}

	/**
	 * Folds what is older than the kept history away, rolling open cases' lots forward
	 * over it.
	 */
	private void fold(Account a, String self) {
		long from = a.newest - settings.historySeconds();
		int k = 0;
		while (k < a.kept.size() && a.kept.get(k).time < from) {
			k++;
		}
		if (k == 0) {
			return;
		}
		for (Case c : a.cases) {
			int level = book(a, self, c, k);
			if (level > 0) {
				c.snap = Arrays.copyOfRange(lots, head, tail);
				c.snapLevel = level;
			}
		}
		Set<String> gone = new HashSet<>();
		for (int i = 0; i < k; i++) {
			Kept e = a.kept.get(i);
			a.base += e.out ? -e.amount : e.amount;
			gone.add(e.id);
		}
		a.kept.subList(0, k).clear();
		for (Iterator<Case> it = a.cases.iterator(); it.hasNext();) {
			Case c = it.next();
			// taint for a moment now folded away is either booked in the snapshot or
			// lost (its transfer never came)
			c.in.values().removeIf(v -> v[2] < from);
			c.sent.keySet().removeAll(gone);
			if (c.snap == null && c.in.isEmpty() && c.sent.isEmpty() && c.held == 0) {
				it.remove();
			}
		}
	}

	/**
	 * Replays the case over the kept transfers and sends what changed: moves (absolute)
	 * and the holding.
	 */
	private void replay(Account a, String self, Case c, Sink sink) {
		int n = a.kept.size();
		int level = book(a, self, c, n);
		for (int i = 0; i < n; i++) {
			Kept e = a.kept.get(i);
			if (!e.out || e.party == null || e.party.equals(self)) {
				continue;
			}
			long v = took[i];
			int l = levelAt[i];
			if (l > settings.maxHops() || v < settings.minAmountFen()) {
				v = 0; // Trace's LIMIT exit: not followed
			}
			Long before = c.sent.get(e.id);
			if (v != (before == null ? 0 : before)) {
				if (v == 0) {
					c.sent.remove(e.id);
				}
				else {
					c.sent.put(e.id, v);
				}
				sink.move(e.party, e.id, c.number, v, l, c.until, e.time);
			}
		}
		long held = level > 0 ? tainted() : 0;
		if (held != c.held) {
			c.held = held;
			sink.holding(self, c.number, held, Math.max(level, 1), a.newest);
		}
	}

	/**
	 * Books the case over the first {@code upTo} kept transfers into {@link #lots}; fills
	 * {@link #took} and {@link #levelAt} for outflows. Returns the case's level (0: not
	 * open).
	 */
	private int book(Account a, String self, Case c, int upTo) {
		int n = a.kept.size();
		if (took.length < n) {
			took = new long[Math.max(n, took.length * 2)];
			levelAt = new int[took.length];
		}
		Arrays.fill(took, 0, n, 0);
		head = tail = 0;
		int level;
		int start;
		if (c.snap != null) {
			for (long l : c.snap) {
				push(l);
			}
			level = c.snapLevel;
			start = 0;
		}
		else {
			// chosen over everything kept, so that folding agrees with the full replay
			start = opening(a, c, a.kept.size());
			if (start < 0 || start >= upTo) {
				return 0;
			}
			long balance = a.base;
			for (int i = 0; i < start; i++) {
				Kept e = a.kept.get(i);
				balance += e.out ? -e.amount : e.amount;
			}
			push(-Math.max(0, balance));
			level = Integer.MAX_VALUE;
		}
		for (int i = start; i < upTo; i++) {
			Kept e = a.kept.get(i);
			if (e.time > c.until) {
				break;
			}
			if (!e.out) {
				long[] t = c.in.get(e.id);
				long tainted = 0;
				if (t != null && !self.equals(e.party)) {
					tainted = Math.min(t[0], e.amount);
					level = Math.min(level, (int) t[1]);
					push(tainted);
				}
				push(-(e.amount - tainted));
			}
			else if (!self.equals(e.party)) {
				// a transfer to the account itself moves nothing (its in leg books clean
				// money, as in Trace)
				took[i] = withdraw(e.amount);
				levelAt[i] = level == Integer.MAX_VALUE ? 1 : level + 1;
			}
		}
		return level == Integer.MAX_VALUE ? 1 : level;
	}

	/**
	 * Where the case opens: its first seed among the kept inflows if a report named one
	 * (Trace opens every seed's payee at the seed before it follows anything, so earlier
	 * taint from the case's other seeds counts as the account's own money there), else
	 * its first tainted inflow; -1 when none is kept yet.
	 */
	private static int opening(Account a, Case c, int upTo) {
		int first = -1;
		for (int i = 0; i < upTo; i++) {
			Kept e = a.kept.get(i);
			if (e.out || e.time > c.until) {
				continue;
			}
			long[] t = c.in.get(e.id);
			if (t != null) {
				if (t[1] == 1) {
					return i;
				}
				if (first < 0) {
					first = i;
				}
			}
		}
		return first;
	}

	private void push(long lot) {
		if (lot == 0) {
			return;
		}
		if (tail > head && Long.signum(lots[tail - 1]) == Long.signum(lot)) {
			lots[tail - 1] += lot;
			return;
		}
		if (tail == lots.length) {
			lots = Arrays.copyOf(lots, lots.length * 2);
		}
		lots[tail++] = lot;
	}

	/** Takes {@code amount} from the front; returns the tainted fen taken. */
	private long withdraw(long amount) {
		long left = amount;
		long traced = 0;
		while (left > 0 && tail > head) {
			long lot = lots[head];
			long size = Math.abs(lot);
			long take = Math.min(left, size);
			if (lot > 0) {
				traced += take;
			}
			left -= take;
			if (take == size) {
				head++;
			}
			else {
				lots[head] = lot > 0 ? lot - take : lot + take;
			}
		}
		return traced;
	}

	private long tainted() {
		long sum = 0;
		for (int i = head; i < tail; i++) {
			if (lots[i] > 0) {
				sum += lots[i];
			}
		}
		return sum;
	}

}
