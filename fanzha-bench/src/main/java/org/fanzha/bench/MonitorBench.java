package org.fanzha.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.HdrHistogram.Histogram;
import org.fanzha.bench.drools.Decision;
import org.fanzha.bench.drools.DroolsMonitor;
import org.fanzha.engine.monitor.Action;
import org.fanzha.engine.monitor.RuleEngine;
import org.fanzha.engine.monitor.RuleSet;
import org.fanzha.engine.monitor.TransferMonitor;
import org.kie.api.KieBase;

/**
 * Transfer monitoring in process, Fanzha against Drools in the same run on the same
 * recorded transfers:
 *
 * <ol>
 * <li>throughput of {@link TransferMonitor#decide} (all features, default rules) over
 * every transfer of a simulated province, fresh monitor per pass, median of the timed
 * passes after warm-up passes;</li>
 * <li>per-decision latency of the same call (System.nanoTime around each call,
 * HdrHistogram), one more pass;</li>
 * <li>the Drools peer ({@link DroolsMonitor}: the same rules in DRL, STREAM mode, pseudo
 * clock, sliding windows) over the same transfers after a warm-up session over the first
 * part of them;</li>
 * <li>both also get the same victims' reports ({@link Reports}: each confirms an
 * account), in time order between the transfers, so the rules on proximity to confirmed
 * accounts take part;</li>
 * <li>agreement: the share of transfers on which both take the same action, and where
 * they differ.</li>
 * </ol>
 *
 * <pre>
 * taskset -c 0 java -Xmx6g -cp ... org.fanzha.bench.BenchMain monitor [--persons 100000] [--days 3]
 *     [--drools profile|inline] [--smoke]
 * </pre>
 */
public final class MonitorBench {

	public record Figures(int persons, int days, int transfers, int reports, int accounts, int ruleVersion,
			List<String> notInDrl, DroolsMonitor.Windows droolsWindows, double fanzhaPerSecond,
			double fanzhaBestPerSecond, double droolsPerSecond, double droolsCompileSeconds, long droolsFactsAtEnd,
			long p50Nanos, long p99Nanos, long p999Nanos, long maxNanos, double agreement, double matchAgreement,
			long[][] confusion, long[] fanzhaRuleMatches, long[] droolsRuleMatches, List<String> fanzhaGuarded,
			boolean droolsGuardAlarm) {

		public double ratio() {
			return fanzhaPerSecond / droolsPerSecond;
		}

		@Override
		public String toString() {
			StringBuilder s = new StringBuilder();
			s.append(String.format(Locale.ROOT,
					"monitor: %,d persons, %d days: %,d transfers, %,d victims' reports "
							+ "confirming accounts, %,d accounts; rule set version %d%n",
					persons, days, transfers, reports, accounts, ruleVersion));
			s.append(String.format(Locale.ROOT,
					"  Fanzha TransferMonitor.decide: %,.0f transfers/s (median pass; best %,.0f)%n", fanzhaPerSecond,
					fanzhaBestPerSecond));
			s.append(String.format(Locale.ROOT,
					"  Drools %s (STREAM, pseudo clock, window:time, windows %s): %,.0f "
							+ "transfers/s (DRL compiled in %.1f s; %,d facts in the session at the end)%n",
					droolsVersion(), droolsWindows.name().toLowerCase(Locale.ROOT), droolsPerSecond,
					droolsCompileSeconds, droolsFactsAtEnd));
			s.append(String.format(Locale.ROOT, "  ratio Fanzha/Drools: %.1fx%n", ratio()));
			s.append(String.format(Locale.ROOT,
					"  Fanzha per decision: p50 %.2f us, p99 %.2f us, p99.9 %.2f us, max %.1f us%n", p50Nanos / 1e3,
					p99Nanos / 1e3, p999Nanos / 1e3, maxNanos / 1e3));
			s.append(String.format(Locale.ROOT,
					"  agreement: same action on %.4f%% of transfers, same matched rules on %.4f%%%n", agreement * 100,
					matchAgreement * 100));
			s.append("  actions (Fanzha -> Drools: transfers):");
			Action[] actions = Action.values();
			for (int i = 0; i < actions.length; i++) {
				for (int j = 0; j < actions.length; j++) {
					if (confusion[i][j] > 0) {
						s.append(String.format(Locale.ROOT, " %s->%s: %,d;", actions[i], actions[j], confusion[i][j]));
					}
				}
			}
			s.append(System.lineSeparator()).append("  rule matches (Fanzha / Drools):");
			for (int r = 0; r < DroolsMonitor.RULES.size(); r++) {
				s.append(String.format(Locale.ROOT, " %s %,d / %,d;", DroolsMonitor.RULES.get(r), fanzhaRuleMatches[r],
						droolsRuleMatches[r]));
			}
			if (!fanzhaGuarded.isEmpty() || droolsGuardAlarm) {
				s.append(System.lineSeparator())
					.append("  guard: Fanzha shadowed ")
					.append(fanzhaGuarded)
					.append(" during the run; the Drools peer's copy of the guard ")
					.append(droolsGuardAlarm ? "shadowed a rule too" : "shadowed nothing");
			}
			if (ruleVersion != DroolsMonitor.RULES_VERSION) {
				s.append(System.lineSeparator())
					.append("  WARNING: DEFAULT_RULES is version ")
					.append(ruleVersion)
					.append(", the DRL implements version ")
					.append(DroolsMonitor.RULES_VERSION)
					.append(": update the DRL before comparing decisions");
			}
			if (!notInDrl.isEmpty()) {
				s.append(System.lineSeparator())
					.append("  note: rules of DEFAULT_RULES not in the DRL (Fanzha still runs them): ")
					.append(notInDrl);
			}
			return s.toString();
		}
	}

	public static void main(String[] args) {
		List<String> a = List.of(args);
		boolean smoke = a.contains("--smoke");
		int persons = Integer.parseInt(BenchMain.option(a, "--persons", smoke ? "3000" : "100000"));
		int days = Integer.parseInt(BenchMain.option(a, "--days", smoke ? "2" : "3"));
		DroolsMonitor.Windows windows = DroolsMonitor.Windows
			.valueOf(BenchMain.option(a, "--drools", "profile").toUpperCase(Locale.ROOT));
		System.out.println(run(persons, days, smoke ? 1 : 5, smoke ? 1 : 7, windows));
	}

	static String droolsVersion() {
		Package p = KieBase.class.getPackage();
		return p != null && p.getImplementationVersion() != null ? p.getImplementationVersion() : "10.2.0";
	}

	/**
	 * @param warmups full Fanzha passes before timing (the Drools warm-up is a session
	 * over the first fifth)
	 * @param timed timed Fanzha passes; the median counts
	 */
	public static Figures run(int persons, int days, int warmups, int timed, DroolsMonitor.Windows windows) {
		RecordedTransfers rec = RecordedTransfers.simulate(persons, days);
		Reports reports = Reports.of(rec);
		final int n = rec.n;
		final int accounts = rec.opening.length;
		RuleSet rules = RuleSet.parse(TransferMonitor.DEFAULT_RULES);
		List<String> notInDrl = new ArrayList<>();
		int[] ruleIndex = new int[DroolsMonitor.RULES.size()];
		Arrays.fill(ruleIndex, -1);
		for (int r = 0; r < rules.rules().size(); r++) {
			String id = rules.rules().get(r).id();
			int k = DroolsMonitor.RULES.indexOf(id);
			if (k < 0) {
				notInDrl.add(id);
			}
			else {
				ruleIndex[k] = r;
			}
		}

		// Fanzha: throughput
		byte[] fanzhaAction = new byte[n];
		long[] fanzhaMatched = new long[n];
		List<String> guarded = new ArrayList<>();
		double[] seconds = new double[timed];
		for (int pass = 0; pass < warmups + timed; pass++) {
			TransferMonitor m = TransferMonitor.withDefaultRules(accounts);
			long t0 = System.nanoTime();
			sink += fanzhaPass(m, rec, reports);
			long t1 = System.nanoTime();
			if (pass >= warmups) {
				seconds[pass - warmups] = (t1 - t0) / 1e9;
			}
			if (pass == warmups + timed - 1) {
				for (RuleSet.Rule r : rules.rules()) {
					if (m.engine().guarded(r.id())) {
						guarded.add(r.id());
					}
				}
			}
		}
		Arrays.sort(seconds);
		double fanzhaPerSecond = n / seconds[timed / 2];
		double fanzhaBest = n / seconds[0];

		// Fanzha: latency per decision, and the decisions kept for the agreement
		Histogram h = new Histogram(10_000_000_000L, 3);
		TransferMonitor m = TransferMonitor.withDefaultRules(accounts);
		int r = 0;
		for (int i = 0; i < n; i++) {
			for (; r < reports.n && reports.time[r] <= rec.time[i]; r++) {
				m.confirm(reports.account[r], reports.time[r]);
			}
			long t0 = System.nanoTime();
			RuleEngine.Verdict v = m.decide(rec.from[i], rec.to[i], rec.amount[i], rec.time[i]);
			long t1 = System.nanoTime();
			h.recordValue(t1 - t0);
			fanzhaAction[i] = (byte) v.action.ordinal();
			fanzhaMatched[i] = v.matched;
		}

		// Drools: compile, warm up on the first fifth in a session of its own, then a
		// fresh session over all
		long c0 = System.nanoTime();
		KieBase base = DroolsMonitor.kieBase(windows);
		double compile = (System.nanoTime() - c0) / 1e9;
		try (DroolsMonitor warm = new DroolsMonitor(base, accounts)) {
			r = 0;
			for (int i = 0; i < n / 5; i++) {
				for (; r < reports.n && reports.time[r] <= rec.time[i]; r++) {
					warm.confirm(reports.account[r], reports.time[r]);
				}
				warm.decide(rec.from[i], rec.to[i], rec.amount[i], rec.time[i]);
			}
		}
		byte[] droolsAction = new byte[n];
		long[] droolsMatched = new long[n];
		double droolsSeconds;
		long facts;
		boolean droolsAlarm;
		try (DroolsMonitor d = new DroolsMonitor(base, accounts)) {
			long t0 = System.nanoTime();
			r = 0;
			for (int i = 0; i < n; i++) {
				for (; r < reports.n && reports.time[r] <= rec.time[i]; r++) {
					d.confirm(reports.account[r], reports.time[r]);
				}
				Decision x = d.decide(rec.from[i], rec.to[i], rec.amount[i], rec.time[i]);
				droolsAction[i] = (byte) x.getAction().ordinal();
				droolsMatched[i] = x.getMatched();
			}
			droolsSeconds = (System.nanoTime() - t0) / 1e9;
			facts = d.facts();
			droolsAlarm = d.alarm();
		}

		// agreement
		int na = Action.values().length;
		long[][] confusion = new long[na][na];
		long sameAction = 0;
		long sameMatch = 0;
		long[] fanzhaRules = new long[DroolsMonitor.RULES.size()];
		long[] droolsRules = new long[DroolsMonitor.RULES.size()];
		for (int i = 0; i < n; i++) {
			confusion[fanzhaAction[i]][droolsAction[i]]++;
			if (fanzhaAction[i] == droolsAction[i]) {
				sameAction++;
			}
			long fm = 0;
			for (int k = 0; k < DroolsMonitor.RULES.size(); k++) {
				if (ruleIndex[k] >= 0 && (fanzhaMatched[i] & (1L << ruleIndex[k])) != 0) {
					fm |= 1L << k;
					fanzhaRules[k]++;
				}
				if ((droolsMatched[i] & (1L << k)) != 0) {
					droolsRules[k]++;
				}
			}
			if (fm == droolsMatched[i]) {
				sameMatch++;
			}
		}
		return new Figures(persons, days, n, reports.n, accounts, rules.version(), List.copyOf(notInDrl), windows,
				fanzhaPerSecond, fanzhaBest, n / droolsSeconds, compile, facts, h.getValueAtPercentile(50),
				h.getValueAtPercentile(99), h.getValueAtPercentile(99.9), h.getMaxValue(), sameAction / (double) n,
				sameMatch / (double) n, confusion, fanzhaRules, droolsRules, List.copyOf(guarded), droolsAlarm);
	}

	/** Keeps the passes' checksums alive. */
	static volatile long sink;

	/**
	 * One pass of every transfer through the monitor; returns a checksum so the work is
	 * not dead code.
	 */
	static long fanzhaPass(TransferMonitor m, RecordedTransfers rec, Reports reports) {
		final int n = rec.n;
		final long[] time = rec.time;
		final int[] from = rec.from;
		final int[] to = rec.to;
		final long[] amount = rec.amount;
		long acted = 0;
		int r = 0;
		for (int i = 0; i < n; i++) {
			for (; r < reports.n && reports.time[r] <= time[i]; r++) {
				m.confirm(reports.account[r], reports.time[r]);
			}
			RuleEngine.Verdict v = m.decide(from[i], to[i], amount[i], time[i]);
			acted += v.acted;
		}
		return acted;
	}

	/**
	 * Hours from a victim's payment to the report that confirms the account it went to.
	 */
	static final long REPORT_LAG = 2 * 3_600;

	/**
	 * Victims' reports, the other input both engines get: each simulated victim's payment
	 * confirms its payee as a fraud account {@link #REPORT_LAG} later (as the server does
	 * when a report names an account), in time order.
	 */
	record Reports(int n, int[] account, long[] time) {

		static Reports of(RecordedTransfers rec) {
			long[][] pairs = new long[rec.victimPayments][];
			int k = 0;
			for (int v = 0; v < rec.victimPayments; v++) {
				int i = rec.victimPayment[v];
				if (i >= 0 && i < rec.n && rec.to[i] >= 0) {
					pairs[k++] = new long[] { rec.time[i] + REPORT_LAG, rec.to[i] };
				}
			}
			long[][] sorted = Arrays.copyOf(pairs, k);
			Arrays.sort(sorted, (x, y) -> Long.compare(x[0], y[0]));
			int[] account = new int[k];
			long[] time = new long[k];
			for (int j = 0; j < k; j++) {
				time[j] = sorted[j][0];
				account[j] = (int) sorted[j][1];
			}
			return new Reports(k, account, time);
		}
	}

}
