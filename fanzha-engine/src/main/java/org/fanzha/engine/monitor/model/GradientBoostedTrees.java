package org.fanzha.engine.monitor.model;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Gradient-boosted regression trees for the logistic loss (Friedman, "Greedy function
 * approximation: a gradient boosting machine", Annals of Statistics 2001), with
 * second-order leaf values and split gains as in XGBoost (Chen &amp; Guestrin, KDD 2016)
 * and histogram splits on quantile-binned features as in LightGBM (Ke et al., NeurIPS
 * 2017).
 *
 * <p>
 * Algorithm: every feature is cut at up to {@code bins − 1} quantiles of its training
 * values, and each row stores its bin per feature (one byte). The raw score starts at the
 * log-odds of the (weighted) positives; each round computes the gradient
 * {@code g = w(p − y)} and hessian {@code h = w·p(1 − p)} of every row, draws a row
 * subsample, and grows one tree depth-first to {@code maxDepth}: a node sums g and h per
 * bin of every feature (one pass over the rows of the smaller child of each split; the
 * larger child's sums are its parent's minus the smaller's, the subtraction trick of
 * LightGBM), tries every cut, and keeps the one with the largest gain
 * {@code G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ)} whose children both weigh at least
 * {@code minChildWeight}; a node without a positive gain becomes a leaf worth
 * {@code −learningRate·G/(H+λ)}. With a validation set, rounds stop once the validation
 * log-loss has not improved for {@code patience} rounds and the model keeps the best
 * prefix. Randomness (the subsample) comes from one {@link SplittableRandom} of the given
 * seed: the same rows and options give the same trees.
 *
 * <p>
 * Cost: training O(trees · (n · d · depth + nodes · d · bins)) time (the subtraction
 * about halves the n · d · depth term), O(n · d) bytes for the bins plus a few doubles a
 * row and one histogram per depth; scoring walks one root-to-leaf path per tree over flat
 * primitive arrays (O(trees · depth)), no allocation. A split sends
 * {@code x <= threshold} left, anything else (NaN included) right.
 */
public final class GradientBoostedTrees implements Model {

	/**
	 * @param positiveWeight weight of a positive row relative to a negative one; 0 or
	 * less means sqrt(#negatives/#positives)
	 * @param patience rounds without improvement of the validation loss before stopping
	 * (used only with a validation set)
	 */
	public record Options(int trees, int maxDepth, double learningRate, int bins, double lambda, double minChildWeight,
			double subsample, double positiveWeight, int patience, long seed) {

		public Options {
			if (trees < 1 || maxDepth < 1 || maxDepth > 12 || !(learningRate > 0) || bins < 2 || bins > 256
					|| lambda < 0 || minChildWeight < 0 || !(subsample > 0) || subsample > 1 || patience < 1) {
				throw new IllegalArgumentException("trees >= 1, maxDepth 1..12, learningRate > 0, bins 2..256, "
						+ "lambda >= 0, minChildWeight >= 0, subsample in (0, 1], patience >= 1 required");
			}
		}

		public static Options defaults() {
			return new Options(300, 4, 0.05, 64, 1.0, 1.0, 0.8, 0, 50, 1);
		}

		public Options withSeed(long s) {
			return new Options(trees, maxDepth, learningRate, bins, lambda, minChildWeight, subsample, positiveWeight,
					patience, s);
		}

		public Options withTrees(int t) {
			return new Options(t, maxDepth, learningRate, bins, lambda, minChildWeight, subsample, positiveWeight,
					patience, seed);
		}
	}

	public static final String KIND = "gbt";

	private final List<String> features;

	// read by ModelFile; never written after construction

	final double base;

	/**
	 * Index of each tree's root; a tree's nodes run from its root to the next tree's
	 * root.
	 */
	final int[] treeRoot;

	/** Split feature of each node, -1 for a leaf. */
	final int[] feature;

	final double[] threshold;

	/** Children (absolute node indices), -1 for a leaf. */
	final int[] left;

	final int[] right;

	/** Leaf value (learning rate applied); 0 for a split. */
	final double[] value;

	GradientBoostedTrees(List<String> features, double base, int[] treeRoot, int[] feature, double[] threshold,
			int[] left, int[] right, double[] value) {
		int nodes = feature.length;
		if (threshold.length != nodes || left.length != nodes || right.length != nodes || value.length != nodes) {
			throw new IllegalArgumentException("node arrays differ in length");
		}
		for (int t = 0; t < treeRoot.length; t++) {
			int end = t + 1 < treeRoot.length ? treeRoot[t + 1] : nodes;
			if (treeRoot[t] < 0 || treeRoot[t] >= end) {
				throw new IllegalArgumentException("tree " + t + " has no nodes");
			}
			for (int n = treeRoot[t]; n < end; n++) {
				if (feature[n] >= features.size()) {
					throw new IllegalArgumentException(
							"node " + n + " splits on feature " + feature[n] + " of " + features.size());
				}
				// children after their parent and inside the tree: every walk ends at a
				// leaf
				if (feature[n] >= 0 && (left[n] <= n || right[n] <= n || left[n] >= end || right[n] >= end)) {
					throw new IllegalArgumentException(
							"node " + n + " of tree " + t + " has children outside its tree");
				}
			}
		}
		this.features = List.copyOf(features);
		this.base = base;
		this.treeRoot = treeRoot.clone();
		this.feature = feature.clone();
		this.threshold = threshold.clone();
		this.left = left.clone();
		this.right = right.clone();
		this.value = value.clone();
	}

	@Override
	public double score(double[] x) {
		return LogisticRegression.sigmoid(raw(x));
	}

	/** The log-odds before the sigmoid. */
	public double raw(double[] x) {
		double f = base;
		final int[] feat = feature;
		for (int t = 0; t < treeRoot.length; t++) {
			int n = treeRoot[t];
			while (feat[n] >= 0) {
				n = x[feat[n]] <= threshold[n] ? left[n] : right[n];
			}
			f += value[n];
		}
		return f;
	}

	@Override
	public List<String> features() {
		return features;
	}

	@Override
	public String kind() {
		return KIND;
	}

	public int trees() {
		return treeRoot.length;
	}

	/**
	 * How many splits use each feature, in the order of {@link #features()}: a rough
	 * importance.
	 */
	public int[] splitCounts() {
		int[] c = new int[features.size()];
		for (int f : feature) {
			if (f >= 0) {
				c[f]++;
			}
		}
		return c;
	}

	// ------------------------------------------------------------------ training

	public static GradientBoostedTrees train(Samples s, Options o) {
		return train(s, null, o);
	}

	/**
	 * Trains on {@code s}; with a {@code validation} set, stops early and keeps the
	 * rounds that did best on it.
	 */
	public static GradientBoostedTrees train(Samples s, Samples validation, Options o) {
		s.requireFinite();
		if (validation != null && !validation.features().equals(s.features())) {
			throw new IllegalArgumentException("validation rows have other features");
		}
		return new Trainer(s, o).run(validation);
	}

	/**
	 * The number of entries of a sorted array below {@code v}. As a bin of the cuts:
	 * {@code v <= cuts[b]} exactly when the bin is at most b.
	 */
	static int lowerBound(double[] sorted, double v) {
		int lo = 0;
		int hi = sorted.length;
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (sorted[mid] < v) {
				lo = mid + 1;
			}
			else {
				hi = mid;
			}
		}
		return lo;
	}

	/**
	 * Up to {@code bins − 1} cut values of each feature: quantiles of its training
	 * values, distinct, below the max.
	 */
	static double[] cuts(Samples s, int f, int bins) {
		int n = s.rows();
		int stride = Math.max(1, n / 200_000);
		double[] v = new double[(n + stride - 1) / stride];
		int m = 0;
		for (int i = 0; i < n; i += stride) {
			v[m++] = s.value(i, f);
		}
		Arrays.sort(v, 0, m);
		double[] c = new double[bins - 1];
		int k = 0;
		double max = m == 0 ? 0 : v[m - 1];
		for (int q = 1; q < bins; q++) {
			double cut = v[(int) ((long) q * m / bins)];
			if (cut < max && (k == 0 || cut > c[k - 1])) {
				c[k++] = cut;
			}
		}
		return Arrays.copyOf(c, k);
	}

	private static final class Trainer {

		final Samples s;

		final Options o;

		final int n;

		final int d;

		final double[][] cuts;

		final byte[] bins;

		final double[] g;

		final double[] h;

		final int[] rows;

		/**
		 * Per depth: the histogram (gradient and hessian sums per feature and bin) of the
		 * node being grown there.
		 */
		final double[][] histG;

		final double[][] histH;

		final double wPos;

		// growing nodes, packed: per node four ints (split feature or -1, split bin,
		// left, right) and two doubles
		// (threshold, leaf value)
		int nodes;

		int[] link = new int[4 * 256];

		double[] num = new double[2 * 256];

		int[] roots = new int[64];

		int trees;

		Trainer(Samples s, Options o) {
			this.s = s;
			this.o = o;
			this.n = s.rows();
			this.d = s.width();
			if (n == 0) {
				throw new IllegalArgumentException("no training rows");
			}
			cuts = new double[d][];
			bins = new byte[n * d];
			for (int f = 0; f < d; f++) {
				cuts[f] = cuts(s, f, o.bins());
				for (int i = 0; i < n; i++) {
					bins[i * d + f] = (byte) lowerBound(cuts[f], s.value(i, f));
				}
			}
			g = new double[n];
			h = new double[n];
			rows = new int[n];
			histG = new double[o.maxDepth() + 1][d * o.bins()];
			histH = new double[o.maxDepth() + 1][d * o.bins()];
			int p = s.positives();
			wPos = o.positiveWeight() > 0 ? o.positiveWeight() : p == 0 || p == n ? 1 : Math.sqrt((n - p) / (double) p);
		}

		GradientBoostedTrees run(Samples validation) {
			double pos = s.positives() * wPos;
			double neg = n - s.positives();
			double base = pos == 0 ? -10 : neg == 0 ? 10 : Math.log(pos / neg);
			double[] f = new double[n];
			Arrays.fill(f, base);
			SplittableRandom rng = new SplittableRandom(o.seed());
			double[] fv = null;
			double bestLoss = Double.POSITIVE_INFINITY;
			int bestTrees = 0;
			int bestNodes = 0;
			double[] row = null;
			if (validation != null) {
				fv = new double[validation.rows()];
				Arrays.fill(fv, base);
				row = new double[d];
			}
			for (int t = 0; t < o.trees(); t++) {
				for (int i = 0; i < n; i++) {
					double p = LogisticRegression.sigmoid(f[i]);
					boolean y = s.label(i);
					double w = y ? wPos : 1;
					g[i] = w * (p - (y ? 1 : 0));
					h[i] = Math.max(w * p * (1 - p), 1e-12);
				}
				int m = 0;
				for (int i = 0; i < n; i++) {
					if (o.subsample() >= 1 || rng.nextDouble() < o.subsample()) {
						rows[m++] = i;
					}
				}
				if (trees == roots.length) {
					roots = Arrays.copyOf(roots, trees * 2);
				}
				int root = grow(0, m, 0, false);
				roots[trees++] = root;
				for (int i = 0; i < n; i++) {
					int nd = root;
					while (link[4 * nd] >= 0) {
						nd = link[4 * nd + ((bins[i * d + link[4 * nd]] & 0xFF) <= link[4 * nd + 1] ? 2 : 3)];
					}
					f[i] += num[2 * nd + 1];
				}
				if (validation != null) {
					double loss = 0;
					for (int i = 0; i < fv.length; i++) {
						validation.row(i, row);
						int nd = root;
						while (link[4 * nd] >= 0) {
							nd = link[4 * nd + (row[link[4 * nd]] <= num[2 * nd] ? 2 : 3)];
						}
						fv[i] += num[2 * nd + 1];
						boolean y = validation.label(i);
						double p = LogisticRegression.sigmoid(fv[i]);
						loss -= (y ? wPos : 1) * Math.log(Math.max(1e-15, y ? p : 1 - p));
					}
					if (loss < bestLoss) {
						bestLoss = loss;
						bestTrees = trees;
						bestNodes = nodes;
					}
					else if (trees - bestTrees >= o.patience()) {
						break;
					}
				}
			}
			int keepTrees = validation == null ? trees : bestTrees; // the first round
																	// always improves on
																	// +inf
			int keepNodes = validation == null ? nodes : bestNodes;
			int[] feature = new int[keepNodes];
			double[] threshold = new double[keepNodes];
			int[] left = new int[keepNodes];
			int[] right = new int[keepNodes];
			double[] value = new double[keepNodes];
			for (int nd = 0; nd < keepNodes; nd++) {
				feature[nd] = link[4 * nd];
				left[nd] = link[4 * nd + 2];
				right[nd] = link[4 * nd + 3];
				threshold[nd] = num[2 * nd];
				value[nd] = num[2 * nd + 1];
			}
			return new GradientBoostedTrees(s.features(), base, Arrays.copyOf(roots, keepTrees), feature, threshold,
					left, right, value);
		}

		/** A new leaf worth {@code value}. */
		int newNode(double value) {
			if (4 * nodes == link.length) {
				link = Arrays.copyOf(link, link.length * 2);
				num = Arrays.copyOf(num, num.length * 2);
			}
			int nd = nodes++;
			link[4 * nd] = -1;
			link[4 * nd + 2] = -1;
			link[4 * nd + 3] = -1;
			num[2 * nd + 1] = value;
			return nd;
		}

		/**
		 * Sums the gradients and hessians of rows[start, end) per feature and bin into
		 * the histogram of a depth.
		 */
		void histogram(int start, int end, int depth) {
			double[] hg = histG[depth];
			double[] hh = histH[depth];
			Arrays.fill(hg, 0);
			Arrays.fill(hh, 0);
			int stride = o.bins();
			for (int k = start; k < end; k++) {
				int i = rows[k];
				int b = i * d;
				double gi = g[i];
				double hi = h[i];
				for (int f = 0; f < d; f++) {
					int slot = f * stride + (bins[b + f] & 0xFF);
					hg[slot] += gi;
					hh[slot] += hi;
				}
			}
		}

		/** Swaps the histograms of two depths (references only). */
		void swap(int a, int b) {
			double[] t = histG[a];
			histG[a] = histG[b];
			histG[b] = t;
			t = histH[a];
			histH[a] = histH[b];
			histH[b] = t;
		}

		/**
		 * Grows the subtree over rows[start, end) and returns its node. {@code ready}:
		 * the histogram of these rows is already at this depth (the parent derived it by
		 * subtraction).
		 */
		int grow(int start, int end, int depth, boolean ready) {
			double sg = 0;
			double sh = 0;
			for (int k = start; k < end; k++) {
				sg += g[rows[k]];
				sh += h[rows[k]];
			}
			double lambda = o.lambda();
			int nd = newNode(-o.learningRate() * sg / (sh + lambda));
			if (depth >= o.maxDepth() || end - start < 2 || sh < 2 * o.minChildWeight()) {
				return nd;
			}
			if (!ready) {
				histogram(start, end, depth);
			}
			double[] hg = histG[depth];
			double[] hh = histH[depth];
			int stride = o.bins();
			double parent = sg * sg / (sh + lambda);
			double bestGain = 1e-9;
			int bestF = -1;
			int bestB = -1;
			for (int f = 0; f < d; f++) {
				double gl = 0;
				double hl = 0;
				for (int b = 0; b < cuts[f].length; b++) {
					gl += hg[f * stride + b];
					hl += hh[f * stride + b];
					double hr = sh - hl;
					if (hl < o.minChildWeight() || hr < o.minChildWeight()) {
						continue;
					}
					double gr = sg - gl;
					double gain = gl * gl / (hl + lambda) + gr * gr / (hr + lambda) - parent;
					if (gain > bestGain) {
						bestGain = gain;
						bestF = f;
						bestB = b;
					}
				}
			}
			if (bestF < 0) {
				return nd;
			}
			int i = start;
			int j = end - 1;
			while (i <= j) {
				if ((bins[rows[i] * d + bestF] & 0xFF) <= bestB) {
					i++;
				}
				else {
					int t = rows[i];
					rows[i] = rows[j];
					rows[j] = t;
					j--;
				}
			}
			link[4 * nd] = bestF;
			link[4 * nd + 1] = bestB;
			num[2 * nd] = cuts[bestF][bestB];
			num[2 * nd + 1] = 0;
			boolean childrenSplit = depth + 1 < o.maxDepth();
			boolean leftSmaller = i - start <= end - i;
			if (childrenSplit) {
				// histogram the smaller child at depth + 1; the larger one is the
				// parent's minus it, kept at depth
				if (leftSmaller) {
					histogram(start, i, depth + 1);
				}
				else {
					histogram(i, end, depth + 1);
				}
				double[] cg = histG[depth + 1];
				double[] ch = histH[depth + 1];
				for (int k = 0; k < hg.length; k++) {
					hg[k] -= cg[k];
					hh[k] -= ch[k];
				}
				if (!leftSmaller) {
					swap(depth, depth + 1); // the left child's histogram to depth + 1,
											// the right one's kept at depth
				}
			}
			int l = grow(start, i, depth + 1, childrenSplit);
			if (childrenSplit) {
				swap(depth, depth + 1); // the right child's histogram, kept at depth, to
										// depth + 1
			}
			int r = grow(i, end, depth + 1, childrenSplit);
			link[4 * nd + 2] = l;
			link[4 * nd + 3] = r;
			return nd;
		}

	}

}
