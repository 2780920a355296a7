package org.fanzha.engine.monitor.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class ModelTrainingTest {

	static final List<String> XY = List.of("x", "y", "noise");

	/**
	 * Rows of three features; the label is {@code rule} of the first two, the third is
	 * noise.
	 */
	static Samples rows(int n, long seed, boolean xor) {
		SplittableRandom r = new SplittableRandom(seed);
		Samples s = new Samples(XY);
		for (int i = 0; i < n; i++) {
			double x = r.nextDouble(-1, 1);
			double y = r.nextDouble(-1, 1);
			// heavy-tailed third feature, like money in fen
			double[] v = { x, y, Math.exp(r.nextDouble(0, 15)) };
			boolean label = xor ? (x > 0) != (y > 0) : 2 * x - y > 0.3;
			s.add(v, label);
		}
		return s;
	}

	static double auc(Model m, Samples s) {
		double[] scores = new double[s.rows()];
		boolean[] labels = new boolean[s.rows()];
		double[] row = new double[s.width()];
		for (int i = 0; i < s.rows(); i++) {
			s.row(i, row);
			scores[i] = m.score(row);
			labels[i] = s.label(i);
			assertThat(scores[i]).isBetween(0.0, 1.0);
		}
		return Metrics.auc(scores, labels);
	}

	static double accuracy(Model m, Samples s) {
		double[] row = new double[s.width()];
		int right = 0;
		for (int i = 0; i < s.rows(); i++) {
			s.row(i, row);
			if ((m.score(row) >= 0.5) == s.label(i)) {
				right++;
			}
		}
		return right / (double) s.rows();
	}

	@Test
	void logisticRegressionLearnsALinearlySeparableProblem() {
		Samples train = rows(4_000, 1, false);
		Samples test = rows(2_000, 2, false);
		LogisticRegression m = LogisticRegression.train(train, LogisticRegression.Options.defaults());
		assertThat(auc(m, test)).isGreaterThan(0.97);
		assertThat(accuracy(m, test)).isGreaterThan(0.9);
		assertThat(m.features()).isEqualTo(XY);
	}

	@Test
	void gradientBoostedTreesLearnXorWhichALinearModelCannot() {
		Samples train = rows(4_000, 3, true);
		Samples test = rows(2_000, 4, true);
		GradientBoostedTrees trees = GradientBoostedTrees.train(train, GradientBoostedTrees.Options.defaults());
		LogisticRegression linear = LogisticRegression.train(train, LogisticRegression.Options.defaults());
		assertThat(auc(trees, test)).isGreaterThan(0.97);
		assertThat(accuracy(trees, test)).isGreaterThan(0.93);
		assertThat(auc(linear, test)).isLessThan(0.7);
		// the noise feature is not what the trees split on
		int[] splits = trees.splitCounts();
		assertThat(splits[0] + splits[1]).isGreaterThan(splits[2]);
	}

	@Test
	void gradientBoostedTreesLearnTheSeparableProblemToo() {
		GradientBoostedTrees m = GradientBoostedTrees.train(rows(4_000, 5, false),
				GradientBoostedTrees.Options.defaults());
		assertThat(auc(m, rows(2_000, 6, false))).isGreaterThan(0.97);
	}

	@Test
	void rarePositivesAreStillFound() {
		// 2 % positives: class weighting keeps the model from calling everything negative
		SplittableRandom r = new SplittableRandom(7);
		Samples s = new Samples(XY);
		Samples test = new Samples(XY);
		for (int i = 0; i < 10_000; i++) {
			double x = r.nextDouble();
			(i % 3 == 0 ? test : s).add(new double[] { x, r.nextDouble(), r.nextDouble() }, x > 0.98);
		}
		for (Model m : List.of(LogisticRegression.train(s, LogisticRegression.Options.defaults()),
				GradientBoostedTrees.train(s, GradientBoostedTrees.Options.defaults()))) {
			double[] scores = new double[test.rows()];
			boolean[] labels = new boolean[test.rows()];
			double[] row = new double[3];
			for (int i = 0; i < test.rows(); i++) {
				test.row(i, row);
				scores[i] = m.score(row);
				labels[i] = test.label(i);
			}
			assertThat(Metrics.at(0.5, scores, labels).recall()).as(m.kind()).isGreaterThan(0.8);
		}
	}

	@Test
	void trainingIsDeterministicGivenTheSeed() {
		Samples train = rows(2_000, 8, true);
		String a = ModelFile
			.format(GradientBoostedTrees.train(train, GradientBoostedTrees.Options.defaults().withSeed(9)));
		String b = ModelFile
			.format(GradientBoostedTrees.train(train, GradientBoostedTrees.Options.defaults().withSeed(9)));
		String c = ModelFile
			.format(GradientBoostedTrees.train(train, GradientBoostedTrees.Options.defaults().withSeed(10)));
		assertThat(a).isEqualTo(b).isNotEqualTo(c); // the subsample depends on the seed
		String l1 = ModelFile
			.format(LogisticRegression.train(train, LogisticRegression.Options.defaults().withSeed(9)));
		String l2 = ModelFile
			.format(LogisticRegression.train(train, LogisticRegression.Options.defaults().withSeed(9)));
		assertThat(l1).isEqualTo(l2);
	}

	@Test
	void earlyStoppingKeepsTheRoundsThatDidBestOnValidation() {
		Samples train = rows(1_000, 11, true);
		Samples validation = rows(1_000, 12, true);
		GradientBoostedTrees.Options o = GradientBoostedTrees.Options.defaults().withTrees(2_000);
		GradientBoostedTrees m = GradientBoostedTrees.train(train, validation, o);
		assertThat(m.trees()).isGreaterThan(10).isLessThan(2_000);
		assertThat(auc(m, rows(1_000, 13, true))).isGreaterThan(0.95);
	}

	@Test
	void nonFiniteValuesAreRefused() {
		Samples s = new Samples(XY);
		s.add(new double[] { 1, 2, 3 }, true);
		s.add(new double[] { 1, Double.NaN, 3 }, false);
		assertThatThrownBy(() -> GradientBoostedTrees.train(s, GradientBoostedTrees.Options.defaults()))
			.hasMessageContaining("row 1, feature y");
		assertThatThrownBy(() -> s.add(new double[] { 1 }, true)).hasMessageContaining("needs 3 features");
	}

	@Test
	void metrics() {
		double[] scores = { 0.9, 0.8, 0.7, 0.6, 0.5, 0.4 };
		boolean[] labels = { true, true, false, true, false, false };
		assertThat(Metrics.auc(scores, labels)).isCloseTo(8 / 9.0, Offset.offset(1e-12));
		assertThat(Metrics.auc(new double[] { 1, 1 }, new boolean[] { true, false })).isEqualTo(0.5);
		Metrics.Confusion best = Metrics.bestF1(scores, labels);
		// flag the top 4: tp 3, fp 1 -> precision 0.75, recall 1, F1 6/7; the top 2 give
		// F1 0.8
		assertThat(best.threshold()).isEqualTo(0.6);
		assertThat(best.f1()).isCloseTo(6 / 7.0, Offset.offset(1e-12));
		assertThat(Metrics.at(0.85, scores, labels).precision()).isEqualTo(1.0);
		assertThat(Metrics.at(0.85, scores, labels).recall()).isCloseTo(1 / 3.0, Offset.offset(1e-12));
	}

}
