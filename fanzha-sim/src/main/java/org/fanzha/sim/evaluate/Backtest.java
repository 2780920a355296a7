package org.fanzha.sim.evaluate;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

import org.fanzha.engine.graph.DatasetLoader;
import org.fanzha.engine.graph.TransferGraph;
import org.fanzha.engine.monitor.Action;
import org.fanzha.engine.monitor.RuleEngine;
import org.fanzha.engine.monitor.RuleSet;
import org.fanzha.engine.monitor.TransferMonitor;

/**
 * Replays a dataset directory (simulator or importer output) through a rule set, transfer
 * by transfer in time order, as an analyst does before arming a new version: per rule,
 * how often it matched, how often it decided, the accounts it would have flagged and how
 * many of those are labelled mules ({@code truth/mule_accounts.csv}, when the dataset has
 * one). Shadow rules are scored like the others, so a rule can be judged before it acts.
 * Victims' reports ({@code cases.csv}, when present) confirm the accounts they name at
 * their report time, as on the platform; labels are used only to score.
 */
public final class Backtest {

	/**
	 * @param guarded whether the guard put the rule into shadow mode during the replay
	 * (it acted too often)
	 */
	public record RuleStats(String id, Action action, boolean shadow, long matched, long decided, int accountsFlagged,
			int mulesFlagged, long legitMatched, boolean guarded) {

		public double precision() {
			return accountsFlagged == 0 ? 0 : mulesFlagged / (double) accountsFlagged;
		}
	}

	public record Report(int rulesVersion, long transfers, int reportsReplayed, boolean labelled, int mules,
			int flagged, int truePositives, double precision, double recall, double f1, double legitDelayedPer10k,
			List<RuleStats> rules) {
	}

	private Backtest() {
	}

	public static Report run(Path dir, RuleSet rules) throws IOException {
		TransferGraph g = DatasetLoader.load(dir);
		boolean labelled = Files.isRegularFile(dir.resolve("truth/mule_accounts.csv"));
		BitSet mules = labelled ? MuleLabels.read(dir, g) : new BitSet();
		long[][] reports = reports(dir.resolve("cases.csv"), g);
		TransferMonitor monitor = new TransferMonitor(rules, g.accounts(), null);
		int n = rules.rules().size();
		long[] matched = new long[n];
		long[] decided = new long[n];
		long[] legitMatched = new long[n];
		BitSet[] flaggedBy = new BitSet[n];
		for (int r = 0; r < n; r++) {
			flaggedBy[r] = new BitSet();
		}
		BitSet flagged = new BitSet();
		long legit = 0;
		long legitHeld = 0;
		int nextReport = 0;
		long[] reportTimes = reports[0];
		long[] reportAccounts = reports[1];
		for (int i = 0; i < g.transfers(); i++) {
			long time = g.time(i);
			while (nextReport < reportTimes.length && reportTimes[nextReport] <= time) {
				monitor.confirm((int) reportAccounts[nextReport++], reportTimes[nextReport - 1]);
			}
			int from = g.from(i);
			int to = g.to(i);
			RuleEngine.Verdict v = monitor.decide(from, to, g.amount(i), time);
			boolean isLegit = !mules.get(from) && (to < 0 || !mules.get(to));
			if (isLegit) {
				legit++;
				if (v.action == Action.DELAY || v.action == Action.PROTECTIVE_FREEZE) {
					legitHeld++;
				}
			}
			if (v.matched == 0) {
				continue;
			}
			for (int r = 0; r < n; r++) {
				if ((v.matched & (1L << r)) == 0) {
					continue;
				}
				matched[r]++;
				if (isLegit) {
					legitMatched[r]++;
				}
				if ((v.acted & (1L << r)) != 0) {
					decided[r]++;
				}
				if (to >= 0 && rules.rules().get(r).action().compareTo(Action.REVIEW) >= 0) {
					flaggedBy[r].set(to);
				}
			}
			if (to >= 0 && v.action.compareTo(Action.REVIEW) >= 0) {
				flagged.set(to);
			}
		}
		List<RuleStats> stats = new ArrayList<>();
		for (int r = 0; r < n; r++) {
			RuleSet.Rule rule = rules.rules().get(r);
			BitSet tp = (BitSet) flaggedBy[r].clone();
			tp.and(mules);
			stats.add(new RuleStats(rule.id(), rule.action(), rule.shadow(), matched[r], decided[r],
					flaggedBy[r].cardinality(), tp.cardinality(), legitMatched[r],
					monitor.engine().guarded(rule.id())));
		}
		BitSet hits = (BitSet) flagged.clone();
		hits.and(mules);
		int tp = hits.cardinality();
		int f = flagged.cardinality();
		int m = mules.cardinality();
		double precision = f == 0 ? 0 : tp / (double) f;
		double recall = m == 0 ? 0 : tp / (double) m;
		double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
		return new Report(rules.version(), g.transfers(), reportTimes.length, labelled, m, f, tp, precision, recall, f1,
				legit == 0 ? 0 : legitHeld * 10_000.0 / legit, stats);
	}

	/**
	 * (report time, payee account) of every reported transfer in cases.csv, by time;
	 * empty when there is none.
	 */
	static long[][] reports(Path cases, TransferGraph g) throws IOException {
		if (!Files.isRegularFile(cases)) {
			return new long[][] { new long[0], new long[0] };
		}
		List<long[]> rows = new ArrayList<>();
		try (BufferedReader r = Files.newBufferedReader(cases, StandardCharsets.UTF_8)) {
			String header = r.readLine();
			List<String> h = Arrays.asList(header == null ? new String[0] : header.split(",", -1));
			int cTime = h.indexOf("report_time");
			int cTransfers = h.indexOf("reported_transfers");
			if (cTime < 0 || cTransfers < 0) {
				throw new IllegalArgumentException(cases + ":1: needs report_time and reported_transfers columns");
			}
			String line;
			int n = 1;
			while ((line = r.readLine()) != null) {
				n++;
				if (line.isBlank()) {
					continue;
				}
				String[] f = line.split(",", -1);
				if (f.length <= Math.max(cTime, cTransfers)) {
					throw new IllegalArgumentException(cases + ":" + n + ": too few fields");
				}
				long at;
				try {
					at = OffsetDateTime.parse(f[cTime]).toEpochSecond();
				}
				catch (DateTimeParseException e) {
					throw new IllegalArgumentException(
							cases + ":" + n + ": report_time '" + f[cTime] + "' is not ISO-8601");
				}
				for (String t : f[cTransfers].split(";")) {
					int i = t.isEmpty() ? -1 : g.transferIndex(t);
					if (i >= 0 && g.to(i) >= 0) {
						rows.add(new long[] { at, g.to(i) });
					}
				}
			}
		}
		rows.sort((a, b) -> Long.compare(a[0], b[0]));
		long[] times = new long[rows.size()];
		long[] accounts = new long[rows.size()];
		for (int i = 0; i < times.length; i++) {
			times[i] = rows.get(i)[0];
			accounts[i] = rows.get(i)[1];
		}
		return new long[][] { times, accounts };
	}

	/** The shipped rules, for a backtest without a file. */
	public static RuleSet defaultRules() {
		return RuleSet.parse(TransferMonitor.DEFAULT_RULES);
	}

}
