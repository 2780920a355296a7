package org.fanzha.engine.monitor.model;

import java.util.Arrays;

/**
 * Quality of scores against 0/1 labels: ROC AUC (Mann–Whitney U with ties averaged, O(n
 * log n)), precision, recall and F1 at a threshold, and the threshold that maximises F1
 * on a validation set (one sweep over the scores sorted in decreasing order, cutting only
 * between distinct scores).
 */
public final class Metrics {

	/** Counts and rates of "score >= threshold" as the positive call. */
	public record Confusion(double threshold, int truePositives, int falsePositives, int falseNegatives) {

		public int flagged() {
			return truePositives + falsePositives;
		}

		public double precision() {
			return flagged() == 0 ? 0 : truePositives / (double) flagged();
		}

		public double recall() {
			int p = truePositives + falseNegatives;
			return p == 0 ? 0 : truePositives / (double) p;
		}

		public double f1() {
			return f1(precision(), recall());
		}

		static double f1(double p, double r) {
			return p + r == 0 ? 0 : 2 * p * r / (p + r);
		}
	}

	private Metrics() {
	}

	public static double f1(double precision, double recall) {
		return Confusion.f1(precision, recall);
	}

	/** Area under the ROC curve; 0.5 when one class is absent. */
	public static double auc(double[] scores, boolean[] labels) {
		int n = check(scores, labels);
		Integer[] order = order(scores, n, false);
		double rankSumPositives = 0;
		long positives = 0;
		int i = 0;
		while (i < n) {
			int j = i;
			while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
				j++;
			}
			double rank = (i + j) / 2.0 + 1; // average rank of the tie group
			for (int k = i; k <= j; k++) {
				if (labels[order[k]]) {
					rankSumPositives += rank;
					positives++;
				}
			}
			i = j + 1;
		}
		long negatives = n - positives;
		if (positives == 0 || negatives == 0) {
			return 0.5;
		}
		return (rankSumPositives - positives * (positives + 1) / 2.0) / (positives * (double) negatives);
	}

	public static Confusion at(double threshold, double[] scores, boolean[] labels) {
		int n = check(scores, labels);
		int tp = 0;
		int fp = 0;
		int fn = 0;
		for (int i = 0; i < n; i++) {
			boolean flagged = scores[i] >= threshold;
			if (flagged && labels[i]) {
				tp++;
			}
			else if (flagged) {
				fp++;
			}
			else if (labels[i]) {
				fn++;
			}
		}
		return new Confusion(threshold, tp, fp, fn);
	}

	/**
	 * The threshold with the best F1 ("score >= threshold" flags), the smallest score of
	 * the flagged group; with no positive at all, a threshold above every score.
	 */
	public static Confusion bestF1(double[] scores, boolean[] labels) {
		int n = check(scores, labels);
		Integer[] order = order(scores, n, true);
		int positives = 0;
		for (int i = 0; i < n; i++) {
			if (labels[i]) {
				positives++;
			}
		}
		Confusion best = new Confusion(Double.POSITIVE_INFINITY, 0, 0, positives);
		int tp = 0;
		int fp = 0;
		for (int i = 0; i < n; i++) {
			if (labels[order[i]]) {
				tp++;
			}
			else {
				fp++;
			}
			boolean cut = i + 1 == n || scores[order[i + 1]] != scores[order[i]];
			if (cut) {
				Confusion c = new Confusion(scores[order[i]], tp, fp, positives - tp);
				if (c.f1() > best.f1()) {
					best = c;
				}
			}
		}
		return best;
	}

	private static int check(double[] scores, boolean[] labels) {
		if (scores.length != labels.length) {
			throw new IllegalArgumentException(scores.length + " scores but " + labels.length + " labels");
		}
		return scores.length;
	}

	private static Integer[] order(double[] scores, int n, boolean decreasing) {
		Integer[] order = new Integer[n];
		Arrays.setAll(order, i -> i);
		Arrays.sort(order, decreasing ? (a, b) -> Double.compare(scores[b], scores[a])
				: (a, b) -> Double.compare(scores[a], scores[b]));
		return order;
	}

}
