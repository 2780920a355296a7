package org.fanzha.sim.evaluate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.stream.IntStream;

import org.fanzha.engine.graph.DatasetLoader;
import org.fanzha.engine.graph.TransferGraph;
import org.fanzha.engine.monitor.Action;
import org.fanzha.engine.monitor.RuleEngine;
import org.fanzha.engine.monitor.TransferMonitor;
import org.fanzha.engine.monitor.model.AccountGraphFeatures;
import org.fanzha.engine.monitor.model.GradientBoostedTrees;
import org.fanzha.engine.monitor.model.LogisticRegression;
import org.fanzha.engine.monitor.model.Metrics;
import org.fanzha.engine.monitor.model.Model;
import org.fanzha.engine.monitor.model.Samples;

/**
 * Account-level mule detection on any dataset directory, split in time: a learned model
 * on {@link AccountGraphFeatures} against the default transfer rules.
 *
 * <p>
 * The transfers span [t0, t1]; the split time is {@code ts = t0 + split·(t1 − t0)}.
 * <ul>
 * <li><b>Training</b>: accounts with a transfer in [t0, ts), their features from those
 * transfers only, their labels from truth/mule_accounts.csv. The accounts fall into
 * {@link #FOLDS} folds by a hash of their id and the seed (cross-fitting): model k is
 * fitted on the other folds and stops early on fold k (the validation part), and the
 * decision threshold is the one with the best F1 over every training account's
 * out-of-fold score.</li>
 * <li><b>Test</b>: accounts with a transfer in [ts, t1], their features from a window as
 * long as the training one ending at t1 (it may reach back before ts: transfers a bank
 * has at t1, never labels), scored by the mean of the models. Labels are used only to
 * score.</li>
 * <li><b>Rules</b>: {@link TransferMonitor#withDefaultRules} replays every transfer from
 * t0 in time order; a test account counts as flagged by the rules when a decision in [ts,
 * t1] delays, reviews or freezes a payment into it; legit transfers delayed or frozen per
 * 10,000 are those of [ts, t1] with no mule at either end.</li>
 * </ul>
 * Every feature is turned into its percentile among the accounts active in the same
 * window ({@link AccountGraphFeatures.Table#percentiles}): data volume grows or shrinks
 * over a dataset's time range, and a model fitted on one period must mean the same on the
 * next.
 *
 * <p>
 * An account is one row: its label does not change over time in the datasets we have
 * (AMLSim's isFraud), so the same account may be a training row (early behaviour) and a
 * test row (late behaviour). To show that the models do not recognise accounts they were
 * fitted on, the report also gives the test F1 with each account scored only by the model
 * that was not fitted on it ({@code unfittedF1}).
 *
 * <p>
 * Cost: two feature computations over the graph (see {@link AccountGraphFeatures}),
 * {@link #FOLDS} trainings on the training accounts (in parallel), one monitor decision
 * per transfer for the rules.
 */
public final class AccountEvaluation {

	/**
	 * What an evaluation found; times are epoch seconds. {@code validationF1}: the best
	 * F1 of the out-of-fold scores (where the threshold comes from);
	 * {@code allFlaggedF1}: the F1 of flagging every test account.
	 */
	public record Report(String model, double split, long trainFrom, long trainTo, long testFrom, long testTo,
			long testFeaturesFrom, int trainAccounts, int trainPositives, int folds, int testAccounts,
			int testPositives, double validationF1, double threshold, int flagged, int truePositives, double precision,
			double recall, double f1, double auc, double allFlaggedF1, double unfittedF1, long testTransfers,
			int rulesFlagged, int rulesTruePositives, double rulesPrecision, double rulesRecall, double rulesF1,
			double legitDelayedPer10k, List<String> topFeatures) {
	}

	/** Folds of the cross-fitting on the training accounts. */
	static final int FOLDS = 5;

	private AccountEvaluation() {
	}

	public static Report run(Path dir, double split, String kind, long seed) throws IOException {
		if (!(split > 0 && split < 1)) {
			throw new IllegalArgumentException("--split must be between 0 and 1 (exclusive), got " + split);
		}
		if (!kind.equals(GradientBoostedTrees.KIND) && !kind.equals("logistic")) {
			throw new IllegalArgumentException("unknown model '" + kind + "': use gbt or logistic");
		}
		TransferGraph g = DatasetLoader.load(dir);
		BitSet mules = MuleLabels.read(dir, g);
		return run(g, mules, split, kind, seed);
	}

	static Report run(TransferGraph g, BitSet mules, double split, String kind, long seed) {
		int m = g.transfers();
		if (m < 2 || g.time(m - 1) == g.time(0)) {
			throw new IllegalArgumentException("the dataset needs transfers at two different times at least");
		}
		long t0 = g.time(0);
		long t1 = g.time(m - 1);
		long ts = t0 + Math.round(split * (t1 - t0));
		long end = t1 + 1; // windows are half-open
		long testFeaturesFrom = Math.max(t0, end - (ts - t0));

		AccountGraphFeatures.Table train = AccountGraphFeatures.compute(g, t0, ts).percentiles();
		AccountGraphFeatures.Table testFeatures = AccountGraphFeatures.compute(g, testFeaturesFrom, end).percentiles();
		int[] testActivity = activity(g, ts, end);

		List<String> names = AccountGraphFeatures.FEATURES;
		int folds = FOLDS;
		int[] foldOf = new int[g.accounts()];
		Samples[] part = new Samples[folds];
		for (int k = 0; k < folds; k++) {
			part[k] = new Samples(names);
		}
		double[] row = new double[names.size()];
		int trainAccounts = 0;
		int trainPositives = 0;
		for (int a = 0; a < g.accounts(); a++) {
			foldOf[a] = -1;
			if (train.activity(a) == 0) {
				continue;
			}
			trainAccounts++;
			if (mules.get(a)) {
				trainPositives++;
			}
			train.row(a, row);
			foldOf[a] = fold(g, a, folds, seed);
			part[foldOf[a]].add(row, mules.get(a));
		}
		if (trainPositives == 0) {
			throw new IllegalArgumentException("no mule account active before the split time: nothing to learn from");
		}
		// cross-fitting: model k is fitted on every fold but k and stops early on fold k;
		// the threshold is the best
		// F1 over all out-of-fold scores, and a test account is scored by the mean of the
		// models
		Model[] models = new Model[folds];
		int rows = trainAccounts;
		// the folds are independent: fitted in parallel, each deterministic, so the
		// result does not depend on timing
		IntStream.range(0, folds).parallel().forEach(k -> {
			Samples fit = new Samples(names, rows);
			double[] r = new double[names.size()];
			for (int j = 0; j < folds; j++) {
				for (int i = 0; j != k && i < part[j].rows(); i++) {
					part[j].row(i, r);
					fit.add(r, part[j].label(i));
				}
			}
			models[k] = MonitorTraining.train(kind, fit, part[k], seed + k);
		});
		double[] oofScores = new double[trainAccounts];
		boolean[] oofLabels = new boolean[trainAccounts];
		for (int k = 0, o = 0; k < folds; k++) {
			double[] sc = MonitorTraining.scores(models[k], part[k]);
			System.arraycopy(sc, 0, oofScores, o, sc.length);
			System.arraycopy(MonitorTraining.labels(part[k]), 0, oofLabels, o, sc.length);
			o += sc.length;
		}
		Metrics.Confusion chosen = Metrics.bestF1(oofScores, oofLabels);
		double threshold = chosen.threshold();

		// each test account: the mean of the models' scores, and the score of the one
		// model not fitted on it
		// (the mean again for accounts first active after ts)
		double[] scores = new double[g.accounts()];
		double[] unfittedScores = new double[g.accounts()];
		boolean[] labels = new boolean[g.accounts()];
		int testAccounts = 0;
		for (int a = 0; a < g.accounts(); a++) {
			if (testActivity[a] == 0) {
				continue;
			}
			testFeatures.row(a, row);
			double s = 0;
			for (Model each : models) {
				s += each.score(row);
			}
			s /= folds;
			scores[testAccounts] = s;
			unfittedScores[testAccounts] = foldOf[a] < 0 ? s : models[foldOf[a]].score(row);
			labels[testAccounts++] = mules.get(a);
		}
		scores = Arrays.copyOf(scores, testAccounts);
		unfittedScores = Arrays.copyOf(unfittedScores, testAccounts);
		labels = Arrays.copyOf(labels, testAccounts);
		double auc = Metrics.auc(scores, labels);
		Metrics.Confusion test = Metrics.at(threshold, scores, labels);
		Metrics.Confusion unfitted = Metrics.at(threshold, unfittedScores, labels);
		int testPositives = test.truePositives() + test.falseNegatives();
		double prevalence = testAccounts == 0 ? 0 : testPositives / (double) testAccounts;

		Rules rules = rules(g, mules, ts, testActivity);
		return new Report(models[0].kind(), split, t0, ts, ts, t1, testFeaturesFrom, trainAccounts, trainPositives,
				folds, testAccounts, testPositives, chosen.f1(), threshold, test.flagged(), test.truePositives(),
				test.precision(), test.recall(), test.f1(), auc, Metrics.f1(prevalence, testPositives == 0 ? 0 : 1),
				unfitted.f1(), rules.transfers, rules.flagged.flagged(), rules.flagged.truePositives(),
				rules.flagged.precision(), rules.flagged.recall(), rules.flagged.f1(), rules.legitDelayedPer10k,
				top(models[0], 8));
	}

	/** The cross-fitting fold of a training account, by a hash of its id. */
	private static int fold(TransferGraph g, int a, int folds, long seed) {
		return (int) (MonitorTraining.uniform(g.accountId(a).hashCode(), seed ^ 0xacc) * folds);
	}

	/** Transfers in or out of each account with {@code from <= time < to}. */
	static int[] activity(TransferGraph g, long from, long to) {
		int[] n = new int[g.accounts()];
		for (int i = AccountGraphFeatures.firstAtOrAfter(g, from); i < g.transfers() && g.time(i) < to; i++) {
			n[g.from(i)]++;
			if (g.to(i) >= 0) {
				n[g.to(i)]++;
			}
		}
		return n;
	}

	private record Rules(long transfers, Metrics.Confusion flagged, double legitDelayedPer10k) {
	}

	private static Rules rules(TransferGraph g, BitSet mules, long ts, int[] testActivity) {
		TransferMonitor monitor = TransferMonitor.withDefaultRules(g.accounts());
		BitSet flagged = new BitSet(g.accounts());
		long transfers = 0;
		long legit = 0;
		long legitHeld = 0;
		for (int i = 0; i < g.transfers(); i++) {
			int from = g.from(i);
			int to = g.to(i);
			RuleEngine.Verdict v = monitor.decide(from, to, g.amount(i), g.time(i));
			if (g.time(i) < ts) {
				continue; // warming up the monitor's state
			}
			transfers++;
			boolean acted = v.action == Action.DELAY || v.action == Action.PROTECTIVE_FREEZE
					|| v.action == Action.REVIEW;
			boolean holds = v.action == Action.DELAY || v.action == Action.PROTECTIVE_FREEZE;
			if (acted && to >= 0) {
				flagged.set(to);
			}
			if (!mules.get(from) && (to < 0 || !mules.get(to))) {
				legit++;
				legitHeld += holds ? 1 : 0;
			}
		}
		int tp = 0;
		int positives = 0;
		for (int a = 0; a < g.accounts(); a++) {
			if (testActivity[a] > 0 && mules.get(a)) {
				positives++;
				tp += flagged.get(a) ? 1 : 0;
			}
		}
		int f = flagged.cardinality();
		return new Rules(transfers, new Metrics.Confusion(0, tp, f - tp, positives - tp),
				legit == 0 ? 0 : legitHeld * 10_000.0 / legit);
	}

	/**
	 * The features that weigh most: split counts of trees, absolute standardised weights
	 * of a linear model.
	 */
	static List<String> top(Model m, int k) {
		double[] c = new double[m.features().size()];
		if (m instanceof GradientBoostedTrees t) {
			int[] splits = t.splitCounts();
			for (int i = 0; i < c.length; i++) {
				c[i] = splits[i];
			}
		}
		else if (m instanceof LogisticRegression lr) {
			double[] w = lr.standardisedWeights();
			for (int i = 0; i < c.length; i++) {
				c[i] = Math.abs(w[i]);
			}
		}
		List<Integer> idx = new ArrayList<>();
		for (int i = 0; i < c.length; i++) {
			idx.add(i);
		}
		idx.sort((a, b) -> c[b] != c[a] ? Double.compare(c[b], c[a]) : Integer.compare(a, b));
		List<String> out = new ArrayList<>();
		for (int i = 0; i < Math.min(k, idx.size()) && c[idx.get(i)] > 0; i++) {
			out.add(m.features().get(idx.get(i)));
		}
		return out;
	}

}
