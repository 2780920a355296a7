package org.fanzha.stream;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fanzha.engine.monitor.RuleEngine;
import org.fanzha.engine.monitor.TransferMonitor;

/**
 * The decisions a feed should get, computed without Flink, in the order the job applies
 * events (time, reports first within a second, then transfer id): {@link #inProcess} by
 * the engine's {@link TransferMonitor} over all accounts, {@link #split} by the job's own
 * per-account logic ({@link AccountLogic}, {@link Decider}) with each account's state
 * apart. The job must equal {@link #split} exactly; {@link #split} differs from
 * {@link #inProcess} only where the in-process vector carries a signal that crosses
 * accounts ({@link #CROSS}), which {@link #unexplained} checks slot by slot.
 */
public final class Reference {

	/**
	 * Feature slots that need another account's state: payee/payer hops from confirmed,
	 * payee/payer flagged.
	 */
	public static final int[] CROSS = { 12, 13, 16, 17 };

	public record Outcome(String action, long matched, double[] vector) {
	}

	private Reference() {
	}

	private static List<Object> ordered(SimFeed.Feed feed) {
		List<Object> events = new ArrayList<>(feed.transfers().size() + feed.reports().size());
		int r = 0;
		for (Transfer t : feed.transfers()) {
			for (; r < feed.reports().size() && feed.reports().get(r).reportedAt() <= t.time; r++) {
				events.add(feed.reports().get(r));
			}
			events.add(t);
		}
		for (; r < feed.reports().size(); r++) {
			events.add(feed.reports().get(r));
		}
		return events;
	}

	/** The engine's monitor over the whole feed. */
	public static Map<String, Outcome> inProcess(SimFeed.Feed feed) {
		TransferMonitor m = TransferMonitor.withDefaultRules(1 << 12);
		Map<String, Integer> index = new HashMap<>();
		Map<String, Outcome> out = new HashMap<>();
		for (Object e : ordered(feed)) {
			if (e instanceof SimFeed.Report rep) {
				m.confirm(index.computeIfAbsent(rep.account(), k -> index.size()), rep.reportedAt());
				continue;
			}
			Transfer t = (Transfer) e;
			int from = index.computeIfAbsent(t.fromAccount, k -> index.size());
			int to = t.cash() ? -1 : index.computeIfAbsent(t.toAccount, k -> index.size());
			RuleEngine.Verdict v = m.decide(from, to, t.amountFen, t.time);
			out.put(t.transferId, new Outcome(v.action.name(), v.matched, m.lastFeatures().clone()));
		}
		return out;
	}

	/** The job's logic, each account's state apart, no Flink. */
	public static Map<String, Outcome> split(SimFeed.Feed feed) {
		AccountLogic logic = new AccountLogic();
		Decider decider = Decider.withDefaultRules();
		Map<String, long[]> state = new HashMap<>();
		Map<String, Outcome> out = new HashMap<>();
		for (Object e : ordered(feed)) {
			if (e instanceof SimFeed.Report rep) {
				logic.confirm(state.computeIfAbsent(rep.account(), k -> logic.newState()), rep.reportedAt());
				continue;
			}
			Transfer t = (Transfer) e;
			Half payer = half(t, Leg.OUT);
			logic.out(state.computeIfAbsent(t.fromAccount, k -> logic.newState()), AccountLogic.identity(t.toAccount),
					t.amountFen, t.time, payer.features);
			Half payee = null;
			if (!t.cash()) {
				payee = half(t, Leg.IN);
				logic.in(state.computeIfAbsent(t.toAccount, k -> logic.newState()),
						AccountLogic.identity(t.fromAccount), t.amountFen, t.time, payee.features);
			}
			DecisionMessage d = decider.decide(payer, payee);
			double[] v = AccountLogic.vector();
			if (payee != null) {
				System.arraycopy(payee.features, 0, v, 0, v.length);
			}
			else {
				AccountLogic.cashPayee(v);
			}
			for (int i : new int[] { 10, 11, 13, 14, 17 }) {
				v[i] = payer.features[i];
			}
			out.put(t.transferId, new Outcome(d.action, d.matched, v));
		}
		return out;
	}

	private static Half half(Transfer t, byte side) {
		Half h = new Half();
		h.transferId = t.transferId;
		h.bank = t.bank;
		h.fromAccount = t.fromAccount;
		h.toAccount = t.toAccount;
		h.side = side;
		h.paired = !t.cash();
		h.amountFen = t.amountFen;
		h.time = t.time;
		h.features = AccountLogic.vector();
		return h;
	}

	/**
	 * Transfers whose decision differs between {@code actual} and {@code inProcess}
	 * although no cross-account slot differs (a real disagreement), or which one side
	 * lacks.
	 */
	public static List<String> unexplained(Map<String, Outcome> inProcess, Map<String, String> actualAction,
			Map<String, Outcome> split) {
		List<String> bad = new ArrayList<>();
		for (var e : inProcess.entrySet()) {
			String action = actualAction.get(e.getKey());
			if (action == null) {
				bad.add(e.getKey() + " missing");
			}
			else if (!action.equals(e.getValue().action())
					&& !crossDiffers(e.getValue().vector(), split.get(e.getKey()).vector())) {
				bad.add(e.getKey() + " " + e.getValue().action() + " in process, " + action + " in the job");
			}
		}
		return bad;
	}

	static boolean crossDiffers(double[] a, double[] b) {
		for (int i : CROSS) {
			if (a[i] != b[i]) {
				return true;
			}
		}
		return false;
	}

}
