package org.fanzha.sim.evaluate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.fanzha.engine.graph.DatasetLoader;
import org.fanzha.engine.graph.TransferGraph;
import org.fanzha.engine.monitor.model.AccountGraphFeatures;
import org.fanzha.engine.monitor.model.Metrics;
import org.fanzha.engine.monitor.model.Model;
import org.fanzha.engine.monitor.model.Samples;
import org.fanzha.sim.io.Table;

/**
 * Mule detection on typologies the model has not seen (issue 18): fit on the mule
 * accounts of some laundering typologies, test on the others, split in time as well.
 *
 * <p>
 * The transfers span [t0, t1], cut into three periods: <b>train</b> [t0, tv),
 * <b>validation</b> [tv, ts) and <b>test</b> [ts, t1] with tv = t0 + train·(t1 − t0) and
 * ts = t0 + (train + validation)·(t1 − t0). Each period's features are
 * {@link AccountGraphFeatures} over that period's transfers only, as percentiles among
 * its active accounts. An account is a row of a period when it is active there:
 * <ul>
 * <li>positive when it is a labelled mule (truth/mule_accounts.csv) with a laundering
 * transfer (truth/laundering.csv) in the period; a labelled mule with none there is left
 * out of that period (its label there is unknown: AMLSim's mules also pay normally);</li>
 * <li>in train and validation, mules of the held-out typologies (and of unknown typology)
 * are left out, so the model and its threshold never see them;</li>
 * <li>in test, positives are split by typology: the held-out ones (the held-out-typology
 * figure) and the training ones (the later-period figure for seen typologies); each is
 * scored against all the test period's legit accounts.</li>
 * </ul>
 * The model (gbt or logistic) is fitted on the train period and stopped early on the
 * validation period; the threshold is the best F1 on the validation period (not
 * out-of-fold, and never on the test). Typologies come from truth/mule_typologies.csv
 * (AMLSim's alert_type, or the simulator's laundering shape).
 *
 * <p>
 * Cost: three feature computations over the graph, one training.
 */
public final class MuleHoldout {

	/** Precision, recall and F1 of one set of accounts at the chosen threshold. */
	public record Score(String name, int accounts, int positives, int flagged, int truePositives, double precision,
			double recall, double f1, double auc) {
	}

	public record Report(String model, List<String> trainTypologies, List<String> testTypologies,
			List<String> presentTypologies, long t0, long tv, long ts, long t1, double threshold, Score train,
			Score validation, Score heldOut, Score seenLater, Score allLater, List<String> topFeatures) {
	}

	/** Accounts' typologies: index by graph account, null for no mule. */
	record Typologies(String[] of, Set<String> present) {
	}

	static final String UNKNOWN = "unknown";

	private MuleHoldout() {
	}

	public static Report run(Path dir, Set<String> train, Set<String> test, double trainShare, double validationShare,
			String kind, long seed) throws IOException {
		TransferGraph g = DatasetLoader.load(dir);
		BitSet mules = MuleLabels.read(dir, g);
		Typologies typ = typologies(dir, g, mules);
		BitSet laundering = launderingTransfers(dir, g);
		return run(g, mules, typ, laundering, train, test, trainShare, validationShare, kind, seed);
	}

	/**
	 * The training and test typologies checked: disjoint, each one present, and the test
	 * set defaulting to every present typology not trained on.
	 */
	static List<List<String>> split(Set<String> present, Set<String> train, Set<String> test) {
		if (train.isEmpty()) {
			throw new IllegalArgumentException("--train-typologies: give one typology at least");
		}
		for (String t : train) {
			if (!present.contains(t)) {
				throw new IllegalArgumentException("typology '" + t + "' not in the dataset (it has " + present + ")");
			}
		}
		Set<String> testSet = new TreeSet<>(test);
		if (testSet.isEmpty()) {
			testSet.addAll(present);
			testSet.removeAll(train);
			testSet.remove(UNKNOWN);
		}
		for (String t : testSet) {
			if (train.contains(t)) {
				throw new IllegalArgumentException("typology '" + t + "' is both trained on and tested");
			}
			if (!present.contains(t)) {
				throw new IllegalArgumentException("typology '" + t + "' not in the dataset (it has " + present + ")");
			}
		}
		if (testSet.isEmpty()) {
			throw new IllegalArgumentException("no typology left to test: every one present is trained on");
		}
		return List.of(List.copyOf(new TreeSet<>(train)), List.copyOf(testSet));
	}

	static Report run(TransferGraph g, BitSet mules, Typologies typ, BitSet laundering, Set<String> trainTypologies,
			Set<String> testTypologies, double trainShare, double validationShare, String kind, long seed) {
		if (!(trainShare > 0 && validationShare > 0 && trainShare + validationShare < 1)) {
			throw new IllegalArgumentException("--train and --validation must be positive shares summing below 1");
		}
		List<List<String>> split = split(typ.present(), trainTypologies, testTypologies);
		Set<String> train = Set.copyOf(split.get(0));
		Set<String> test = Set.copyOf(split.get(1));
		int m = g.transfers();
		if (m < 2 || g.time(m - 1) == g.time(0)) {
			throw new IllegalArgumentException("the dataset needs transfers at two different times at least");
		}
		long t0 = g.time(0);
		long t1 = g.time(m - 1);
		long tv = t0 + Math.round(trainShare * (t1 - t0));
		long ts = t0 + Math.round((trainShare + validationShare) * (t1 - t0));
		long end = t1 + 1;

		Period tr = period(g, mules, typ, laundering, t0, tv);
		Period va = period(g, mules, typ, laundering, tv, ts);
		Period te = period(g, mules, typ, laundering, ts, end);
		List<String> names = AccountGraphFeatures.FEATURES;
		Samples fit = tr.rows(names, train);
		Samples valid = va.rows(names, train);
		if (fit.positives() == 0 || valid.positives() == 0) {
			throw new IllegalArgumentException(
					"no laundering of the training typologies in the train or the validation period");
		}
		Model model = MonitorTraining.train(kind, fit, valid, seed);
		double[] vs = MonitorTraining.scores(model, valid);
		boolean[] vl = MonitorTraining.labels(valid);
		double threshold = Metrics.bestF1(vs, vl).threshold();

		Score trainScore = score("train period, training typologies", model, fit, threshold);
		Score validScore = score("validation period, training typologies", model, valid, threshold);
		Score heldOut = score("test period, held-out typologies", model, te.rows(names, test), threshold);
		Score seen = score("test period, training typologies", model, te.rows(names, train), threshold);
		Score all = score("test period, all typologies", model, te.rows(names, null), threshold);
		return new Report(model.kind(), split.get(0), split.get(1), List.copyOf(typ.present()), t0, tv, ts, t1,
				threshold, trainScore, validScore, heldOut, seen, all, AccountEvaluation.top(model, 8));
	}

	private static Score score(String name, Model model, Samples s, double threshold) {
		double[] sc = MonitorTraining.scores(model, s);
		boolean[] y = MonitorTraining.labels(s);
		Metrics.Confusion c = Metrics.at(threshold, sc, y);
		int positives = c.truePositives() + c.falseNegatives();
		double auc = positives == 0 || positives == s.rows() ? Double.NaN : Metrics.auc(sc, y);
		return new Score(name, s.rows(), positives, c.flagged(), c.truePositives(), c.precision(), c.recall(), c.f1(),
				auc);
	}

	/** One period's features, activity and laundering accounts. */
	record Period(AccountGraphFeatures.Table features, BitSet laundering, BitSet mules, String[] typology) {

		/**
		 * Rows of the period's active accounts: legit accounts as negatives, mules
		 * laundering here whose typology is in {@code typologies} (all when null) as
		 * positives; other mules left out.
		 */
		Samples rows(List<String> names, Set<String> typologies) {
			Samples s = new Samples(names);
			double[] row = new double[names.size()];
			BitSet in = accounts(typologies);
			for (int a = in.nextSetBit(0); a >= 0; a = in.nextSetBit(a + 1)) {
				features.row(a, row);
				s.add(row, mules.get(a));
			}
			return s;
		}

		/**
		 * The accounts that are rows for {@code typologies}: active legit accounts, and
		 * mules laundering in the period whose typology is one of them (every one when
		 * null).
		 */
		BitSet accounts(Set<String> typologies) {
			BitSet out = new BitSet(features.accounts());
			for (int a = 0; a < features.accounts(); a++) {
				if (features.activity(a) > 0 && (!mules.get(a)
						|| (laundering.get(a) && (typologies == null || typologies.contains(typology[a]))))) {
					out.set(a);
				}
			}
			return out;
		}

	}

	static Period period(TransferGraph g, BitSet mules, Typologies typ, BitSet launderingTransfers, long from,
			long to) {
		AccountGraphFeatures.Table f = AccountGraphFeatures.compute(g, from, to).percentiles();
		BitSet laundering = new BitSet(g.accounts());
		for (int i = AccountGraphFeatures.firstAtOrAfter(g, from); i < g.transfers() && g.time(i) < to; i++) {
			if (launderingTransfers.get(i)) {
				if (mules.get(g.from(i))) {
					laundering.set(g.from(i));
				}
				if (g.to(i) >= 0 && mules.get(g.to(i))) {
					laundering.set(g.to(i));
				}
			}
		}
		return new Period(f, laundering, mules, typ.of());
	}

	/** truth/mule_typologies.csv; mules it does not name are {@value #UNKNOWN}. */
	static Typologies typologies(Path dir, TransferGraph g, BitSet mules) throws IOException {
		String[] of = new String[g.accounts()];
		Path file = dir.resolve(Table.TRUTH_MULE_TYPOLOGIES.fileName());
		if (Files.isRegularFile(file)) {
			List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
			for (int ln = 1; ln < lines.size(); ln++) {
				String[] f = lines.get(ln).split(",", -1);
				if (f.length < 2) {
					continue;
				}
				int a = g.accountIndex(f[0].strip());
				if (a >= 0) {
					of[a] = f[1].strip();
				}
			}
		}
		Set<String> present = new TreeSet<>();
		for (int a = mules.nextSetBit(0); a >= 0; a = mules.nextSetBit(a + 1)) {
			if (of[a] == null) {
				of[a] = UNKNOWN;
			}
			present.add(of[a]);
		}
		return new Typologies(of, present);
	}

	/** The graph transfers named in truth/laundering.csv. */
	static BitSet launderingTransfers(Path dir, TransferGraph g) throws IOException {
		BitSet out = new BitSet(g.transfers());
		Path file = dir.resolve(Table.TRUTH_LAUNDERING.fileName());
		if (!Files.isRegularFile(file)) {
			throw new IllegalArgumentException(file + ": the dataset has no laundering truth");
		}
		try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
			lines.skip(1).forEach(line -> {
				int comma = line.indexOf(',');
				String id = comma < 0 ? line : line.substring(0, comma);
				int i = g.transferIndex(id.strip());
				if (i >= 0) {
					out.set(i);
				}
			});
		}
		return out;
	}

}
