package org.fanzha.engine.monitor.model;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * L2-regularised logistic regression trained by mini-batch gradient descent.
 *
 * <p>
 * Algorithm: each feature is first compressed with {@code sign(v)·ln(1+|v|)} (money in
 * fen, counts and seconds span many orders of magnitude; the sentinel 1e12 of "never"
 * would otherwise swamp the rest), then standardised to mean 0 and standard deviation 1
 * over the training rows (a constant feature keeps scale 1 and ends with weight 0). The
 * weights minimise the weighted log-loss plus {@code l2/2·|w|²}; positives weigh
 * {@code positiveWeight} (by default #negatives/#positives, so that rare mules count as
 * much as the rest). The optimiser is mini-batch gradient descent with Adam step sizes
 * (Kingma &amp; Ba, "Adam: a method for stochastic optimization", ICLR 2015):
 * {@code epochs} passes over the rows in an order shuffled by a {@link SplittableRandom}
 * of the given seed, so the same rows and seed give the same weights bit for bit.
 *
 * <p>
 * Cost: training O(epochs · n · d) time and O(n · d) memory for the standardised copy;
 * scoring O(d), no allocation. A linear model cannot learn interactions (XOR);
 * {@link GradientBoostedTrees} can.
 */
public final class LogisticRegression implements Model {

	/**
	 * @param positiveWeight weight of a positive row relative to a negative one; 0 or
	 * less means #negatives/#positives
	 */
	public record Options(double l2, int epochs, int batchSize, double learningRate, double positiveWeight, long seed) {

		public Options {
			if (l2 < 0 || epochs < 1 || batchSize < 1 || !(learningRate > 0)) {
				throw new IllegalArgumentException(
						"l2 >= 0, epochs >= 1, batchSize >= 1 and learningRate > 0 required");
			}
		}

		public static Options defaults() {
			return new Options(1e-4, 40, 256, 0.02, 0, 1);
		}

		public Options withSeed(long s) {
			return new Options(l2, epochs, batchSize, learningRate, positiveWeight, s);
		}
	}

	public static final String KIND = "logistic";

	private final List<String> features;

	// read by ModelFile; never written after construction

	final double[] mean;

	final double[] scale;

	final double[] weight;

	final double bias;

	LogisticRegression(List<String> features, double[] mean, double[] scale, double[] weight, double bias) {
		int d = features.size();
		if (mean.length != d || scale.length != d || weight.length != d) {
			throw new IllegalArgumentException("one mean, scale and weight per feature required");
		}
		for (int i = 0; i < d; i++) {
			if (!(scale[i] > 0)) {
				throw new IllegalArgumentException("scale of " + features.get(i) + " must be > 0");
			}
		}
		this.features = List.copyOf(features);
		this.mean = mean.clone();
		this.scale = scale.clone();
		this.weight = weight.clone();
		this.bias = bias;
	}

	@Override
	public String kind() {
		return KIND;
	}

	static double compress(double v) {
		return Math.signum(v) * Math.log1p(Math.abs(v));
	}

	static double sigmoid(double z) {
		return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
	}

	@Override
	public double score(double[] x) {
		double z = bias;
		for (int i = 0; i < weight.length; i++) {
			z += weight[i] * ((compress(x[i]) - mean[i]) / scale[i]);
		}
		return sigmoid(z);
	}

	@Override
	public List<String> features() {
		return features;
	}

	/**
	 * The weights on the standardised features, in the order of {@link #features()}:
	 * their sizes compare.
	 */
	public double[] standardisedWeights() {
		return weight.clone();
	}

	public static LogisticRegression train(Samples s, Options o) {
		s.requireFinite();
		int n = s.rows();
		int d = s.width();
		if (n == 0) {
			throw new IllegalArgumentException("no training rows");
		}
		double[] z = new double[n * d];
		double[] mean = new double[d];
		double[] scale = new double[d];
		for (int f = 0; f < d; f++) {
			double sum = 0;
			for (int i = 0; i < n; i++) {
				double v = compress(s.value(i, f));
				z[i * d + f] = v;
				sum += v;
			}
			mean[f] = sum / n;
			double var = 0;
			for (int i = 0; i < n; i++) {
				double c = z[i * d + f] - mean[f];
				var += c * c;
			}
			double sd = Math.sqrt(var / n);
			scale[f] = sd > 1e-12 ? sd : 1;
			for (int i = 0; i < n; i++) {
				// a constant feature is exactly 0 after standardising, so its weight
				// stays 0
				z[i * d + f] = sd > 1e-12 ? (z[i * d + f] - mean[f]) / scale[f] : 0;
			}
		}
		int positives = s.positives();
		double wPos = o.positiveWeight() > 0 ? o.positiveWeight()
				: positives == 0 || positives == n ? 1 : (n - positives) / (double) positives;
		double[] w = new double[d + 1]; // last: bias
		double[] m1 = new double[d + 1];
		double[] m2 = new double[d + 1];
		double[] grad = new double[d + 1];
		int[] order = new int[n];
		for (int i = 0; i < n; i++) {
			order[i] = i;
		}
		SplittableRandom rng = new SplittableRandom(o.seed());
		final double beta1 = 0.9;
		final double beta2 = 0.999;
		long step = 0;
		for (int epoch = 0; epoch < o.epochs(); epoch++) {
			for (int i = n - 1; i > 0; i--) { // Fisher–Yates
				int j = rng.nextInt(i + 1);
				int t = order[i];
				order[i] = order[j];
				order[j] = t;
			}
			for (int start = 0; start < n; start += o.batchSize()) {
				int end = Math.min(n, start + o.batchSize());
				Arrays.fill(grad, 0);
				double totalWeight = 0;
				for (int k = start; k < end; k++) {
					int r = order[k];
					double a = w[d];
					for (int f = 0; f < d; f++) {
						a += w[f] * z[r * d + f];
					}
					boolean y = s.label(r);
					double rw = y ? wPos : 1;
					double err = rw * (sigmoid(a) - (y ? 1 : 0));
					for (int f = 0; f < d; f++) {
						grad[f] += err * z[r * d + f];
					}
					grad[d] += err;
					totalWeight += rw;
				}
				step++;
				double lr = o.learningRate() * Math.sqrt(1 - Math.pow(beta2, step)) / (1 - Math.pow(beta1, step));
				for (int f = 0; f <= d; f++) {
					double g = grad[f] / totalWeight + (f < d ? o.l2() * w[f] : 0);
					m1[f] = beta1 * m1[f] + (1 - beta1) * g;
					m2[f] = beta2 * m2[f] + (1 - beta2) * g * g;
					w[f] -= lr * m1[f] / (Math.sqrt(m2[f]) + 1e-8);
				}
			}
		}
		return new LogisticRegression(s.features(), mean, scale, Arrays.copyOf(w, d), w[d]);
	}

}
