package org.fanzha.sim.evaluate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fanzha.engine.monitor.RuleEngine;
import org.fanzha.engine.monitor.TransferMonitor;
import org.fanzha.sim.world.CaseReport;
import org.fanzha.sim.world.EventSink;
import org.fanzha.sim.world.Population;
import org.fanzha.sim.world.TransferChannel;
import org.fanzha.sim.world.World;

/**
 * A simulated province with the monitor switched on, as the platform would run it: every
 * transfer is decided in time order; a victim's report confirms the accounts the victim
 * paid (they are stopped and, from then on, a payment into them is frozen) and flags the
 * numbers the victim names, so that later calls and texts from those numbers mark their
 * recipients as potential victims (the payer-side signal).
 *
 * <p>
 * The simulator emits an hour's transfers, then its calls, texts and reports; this sink
 * holds the hour back and replays it merged in time order, so that no signal is used
 * before it happened. Only what the platform could know is used: reports and the numbers
 * named in them, never the ground truth.
 */
public final class MonitoredProvince implements EventSink {

	/**
	 * Sees each transfer with its decision (the verdict is reused: copy what you keep).
	 */
	public interface Observer {

		/**
		 * {@code level} is 0 for a transfer outside any laundering chain, 1 for a
		 * victim's payment, ...
		 */
		void decided(long id, long time, int from, int to, long amountFen, int level, long victimTransferId,
				RuleEngine.Verdict verdict);

		default void reported(CaseReport report) {
		}

	}

	private final World world;

	private final TransferMonitor monitor;

	private final Observer observer;

	private final Map<Long, Integer> personByPhone = new HashMap<>();

	/**
	 * Accounts of a person: first index, then a linked list through
	 * {@link #nextOfHolder}.
	 */
	private int[] firstAccount;

	private int[] nextOfHolder;

	private final Set<Long> flaggedNumbers = new HashSet<>();

	/** Payee of each transfer by id, to confirm what a report names. */
	private int[] payeeById = new int[1 << 16];

	// the hour's transfers, held back
	private long[] bId = new long[1024];

	private long[] bTime = new long[1024];

	private int[] bFrom = new int[1024];

	private int[] bTo = new int[1024];

	private long[] bAmount = new long[1024];

	private int[] bLevel = new int[1024];

	private long[] bVictim = new long[1024];

	private int bSize;

	// the hour's calls and texts: sender and receiver
	private long[] cTime = new long[1024];

	private long[] cFrom = new long[1024];

	private long[] cTo = new long[1024];

	private int cSize;

	private final List<CaseReport> reports = new ArrayList<>();

	private long hour = Long.MIN_VALUE;

	public MonitoredProvince(World world, TransferMonitor monitor, Observer observer) {
		this.world = world;
		this.monitor = monitor;
		this.observer = observer;
	}

	@Override
	public void begin(World w) {
		Population pop = world.population;
		firstAccount = new int[pop.persons];
		Arrays.fill(firstAccount, -1);
		nextOfHolder = new int[pop.accounts()];
		for (int a = pop.accounts() - 1; a >= 0; a--) {
			int p = pop.holderPerson(a);
			if (p >= 0 && p < pop.persons) {
				nextOfHolder[a] = firstAccount[p];
				firstAccount[p] = a;
			}
		}
		for (int p = 0; p < pop.persons; p++) {
			personByPhone.put(pop.phoneOf(p), p);
		}
	}

	@Override
	public void transfer(long id, long time, int from, int to, long amountFen, TransferChannel channel, int county) {
		enter(time);
		if (bSize == bId.length) {
			int n = bSize * 2;
			bId = Arrays.copyOf(bId, n);
			bTime = Arrays.copyOf(bTime, n);
			bFrom = Arrays.copyOf(bFrom, n);
			bTo = Arrays.copyOf(bTo, n);
			bAmount = Arrays.copyOf(bAmount, n);
			bLevel = Arrays.copyOf(bLevel, n);
			bVictim = Arrays.copyOf(bVictim, n);
		}
		bId[bSize] = id;
		bTime[bSize] = time;
		bFrom[bSize] = from;
		bTo[bSize] = to;
		bAmount[bSize] = amountFen;
		bLevel[bSize] = 0;
		bVictim[bSize] = -1;
		bSize++;
		if (id >= payeeById.length) {
			payeeById = Arrays.copyOf(payeeById, (int) Math.max(id + 1, payeeById.length * 2L));
		}
		payeeById[(int) id] = to;
	}

	@Override
	public void laundering(long transferId, long chainId, int gang, int level, long victimTransferId) {
		int i = bSize - 1;
		if (i >= 0 && bId[i] == transferId) {
			bLevel[i] = level;
			bVictim[i] = victimTransferId;
		}
	}

	@Override
	public void call(long id, long time, long caller, long callee, int durationSeconds, boolean answered, int county,
			long imei) {
		if (answered) {
			contact(time, caller, callee);
		}
	}

	@Override
	public void sms(long id, long time, long sender, long receiver, int county) {
		contact(time, sender, receiver);
	}

	private void contact(long time, long from, long to) {
		enter(time);
		if (cSize == cTime.length) {
			cTime = Arrays.copyOf(cTime, cSize * 2);
			cFrom = Arrays.copyOf(cFrom, cSize * 2);
			cTo = Arrays.copyOf(cTo, cSize * 2);
		}
		cTime[cSize] = time;
		cFrom[cSize] = from;
		cTo[cSize] = to;
		cSize++;
	}

	@Override
	public void caseReport(CaseReport report) {
		enter(report.reportTime());
		reports.add(report);
	}

	/** An event of a later hour releases the held one. */
	private void enter(long time) {
		long h = Math.floorDiv(time, 3_600);
		if (h != hour) {
			replay();
			hour = h;
		}
	}

	private void report(CaseReport report) {
		for (long t : report.reportedTransfers()) {
			int payee = t < payeeById.length ? payeeById[(int) t] : -1;
			if (payee >= 0) {
				monitor.confirm(payee, report.reportTime());
			}
		}
		for (long phone : report.suspectPhones()) {
			flaggedNumbers.add(phone);
		}
		observer.reported(report);
	}

	@Override
	public void end(World w) {
		replay();
	}

	/**
	 * Decides the hour held so far now (a reacting world's loop, before the next hour is
	 * generated).
	 */
	void flush() {
		replay();
	}

	/** The account a transfer seen so far was paid into, or -1. */
	public int payeeOf(long transferId) {
		return transferId >= 0 && transferId < payeeById.length ? payeeById[(int) transferId] : -1;
	}

	private void contacted(long phone, long time) {
		Integer p = personByPhone.get(phone);
		if (p == null) {
			return;
		}
		for (int a = firstAccount[p]; a >= 0; a = nextOfHolder[a]) {
			monitor.contactedByFlagged(a, time);
		}
	}

	/**
	 * Replays the held hour in time order: calls and texts, then reports, then transfers,
	 * at equal times.
	 */
	private void replay() {
		reports.sort((x, y) -> Long.compare(x.reportTime(), y.reportTime()));
		sortContacts();
		int b = 0;
		int c = 0;
		int r = 0;
		while (b < bSize || c < cSize || r < reports.size()) {
			long tb = b < bSize ? bTime[b] : Long.MAX_VALUE;
			long tc = c < cSize ? cTime[c] : Long.MAX_VALUE;
			long tr = r < reports.size() ? reports.get(r).reportTime() : Long.MAX_VALUE;
			if (tc <= tr && tc <= tb) {
				if (flaggedNumbers.contains(cFrom[c])) {
					contacted(cTo[c], tc);
				}
				c++;
			}
			else if (tr <= tb) {
				report(reports.get(r++));
			}
			else {
				RuleEngine.Verdict v = monitor.decide(bFrom[b], bTo[b], bAmount[b], bTime[b]);
				observer.decided(bId[b], bTime[b], bFrom[b], bTo[b], bAmount[b], bLevel[b], bVictim[b], v);
				b++;
			}
		}
		bSize = 0;
		cSize = 0;
		reports.clear();
	}

	private long[] keys = new long[1024];

	/**
	 * Calls and texts arrive sorted per kind: one sort of (time, index) keys puts them in
	 * a single order.
	 */
	private void sortContacts() {
		if (keys.length < cSize) {
			keys = new long[cTime.length];
		}
		long base = cSize == 0 ? 0 : hour * 3_600;
		for (int i = 0; i < cSize; i++) {
			keys[i] = ((cTime[i] - base) << 32) | i;
		}
		Arrays.sort(keys, 0, cSize);
		long[] t = new long[cSize];
		long[] f = new long[cSize];
		long[] to = new long[cSize];
		for (int k = 0; k < cSize; k++) {
			int i = (int) keys[k];
			t[k] = cTime[i];
			f[k] = cFrom[i];
			to[k] = cTo[i];
		}
		System.arraycopy(t, 0, cTime, 0, cSize);
		System.arraycopy(f, 0, cFrom, 0, cSize);
		System.arraycopy(to, 0, cTo, 0, cSize);
	}

}
