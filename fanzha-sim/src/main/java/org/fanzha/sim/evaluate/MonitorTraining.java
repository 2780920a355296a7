package org.fanzha.sim.evaluate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;

import org.fanzha.engine.graph.DatasetLoader;
import org.fanzha.engine.graph.TransferGraph;
import org.fanzha.engine.monitor.RuleSet;
import org.fanzha.engine.monitor.TransferMonitor;
import org.fanzha.engine.monitor.model.GradientBoostedTrees;
import org.fanzha.engine.monitor.model.LogisticRegression;
import org.fanzha.engine.monitor.model.Metrics;
import org.fanzha.engine.monitor.model.Model;
import org.fanzha.engine.monitor.model.Samples;
import org.fanzha.sim.world.EventSink;
import org.fanzha.sim.world.SimConfig;
import org.fanzha.sim.world.Simulator;
import org.fanzha.sim.world.TransferChannel;
import org.fanzha.sim.world.World;

/**
 * Transfer-level training for the monitor: every transfer into an account is replayed
 * through {@link TransferMonitor#withDefaultRules} in time order, and its feature vector
 * ({@link RuleSet#FEATURES}, as the rules see it at that moment) becomes a row labelled
 * "the payee is a mule". The source is a simulated world or a dataset directory
 * (transfers.csv in time order, labels from truth/mule_accounts.csv).
 *
 * <p>
 * Negatives vastly outnumber positives, so they are subsampled deterministically to at
 * most {@link #MAX_NEGATIVES}: each negative row gets a hash of its ordinal and the seed,
 * and rows whose hash falls above the current rate are dropped; the rate halves (and the
 * kept rows are filtered again) whenever the cap is passed. Every positive is kept. One
 * payee in five (by a hash of the account) is held out, so that the held-out AUC is
 * measured on accounts the model never saw (a split by account, not by time: the
 * simulated worlds last a day or a week). Memory: the kept rows, {@code 8 · |FEATURES|}
 * bytes each, at most about 2 · MAX_NEGATIVES of them plus the positives; time: one
 * monitor decision per transfer plus the training.
 */
public final class MonitorTraining {

	public static final int MAX_NEGATIVES = 300_000;

	/**
	 * @param negativeRate share of the negative transfers kept as rows (1, 1/2, 1/4, ...)
	 * @param heldOutAuc ROC AUC on the held-out payees' rows
	 * @param heldOutF1 F1 on the held-out rows at the threshold that was best on the
	 * training rows (when negatives were subsampled, false positives are undercounted and
	 * precision flattered)
	 */
	public record Result(Model model, long transfers, int rows, int positives, double negativeRate, int heldOutRows,
			int heldOutPositives, double heldOutAuc, double heldOutF1) {
	}

	private MonitorTraining() {
	}

	/**
	 * Replays a simulated world through the default rules and trains on its transfers.
	 */
	public static Result fromSimulation(SimConfig config, String kind) {
		return fromSimulation(config, kind, MAX_NEGATIVES);
	}

	static Result fromSimulation(SimConfig config, String kind, int maxNegatives) {
		World world = new World(config);
		TransferMonitor monitor = TransferMonitor.withDefaultRules(world.population.accounts());
		Collector c = new Collector(config.seed(), maxNegatives);
		new Simulator(world).run(new EventSink() {

			@Override
			public void transfer(long id, long time, int from, int to, long amountFen, TransferChannel channel,
					int county) {
				monitor.decide(from, to, amountFen, time);
				if (to >= 0) {
					c.add(monitor.lastFeatures(), world.isMule(to), to);
				}
				c.transfers++;
			}

			@Override
			public void call(long id, long time, long caller, long callee, int d, boolean answered, int county,
					long imei) {
			}

			@Override
			public void sms(long id, long time, long sender, long receiver, int county) {
			}
		});
		return c.train(kind, config.seed());
	}

	/**
	 * Replays a dataset directory through the default rules and trains on its transfers.
	 */
	public static Result fromDataset(Path dir, String kind, long seed) throws IOException {
		TransferGraph g = DatasetLoader.load(dir);
		BitSet mules = MuleLabels.read(dir, g);
		TransferMonitor monitor = TransferMonitor.withDefaultRules(g.accounts());
		Collector c = new Collector(seed, MAX_NEGATIVES);
		for (int i = 0; i < g.transfers(); i++) {
			int to = g.to(i);
			monitor.decide(g.from(i), to, g.amount(i), g.time(i));
			if (to >= 0) {
				c.add(monitor.lastFeatures(), mules.get(to), to);
			}
			c.transfers++;
		}
		return c.train(kind, seed);
	}

	/** Trains a model of the given kind ({@code gbt} or {@code logistic}). */
	static Model train(String kind, Samples rows, Samples validation, long seed) {
		return switch (kind) {
			case GradientBoostedTrees.KIND ->
				GradientBoostedTrees.train(rows, validation, GradientBoostedTrees.Options.defaults().withSeed(seed));
			case LogisticRegression.KIND ->
				LogisticRegression.train(rows, LogisticRegression.Options.defaults().withSeed(seed));
			default -> throw new IllegalArgumentException("unknown model '" + kind + "': use gbt or logistic");
		};
	}

	static double[] scores(Model m, Samples s) {
		double[] scores = new double[s.rows()];
		double[] row = new double[s.width()];
		for (int i = 0; i < s.rows(); i++) {
			s.row(i, row);
			scores[i] = m.score(row);
		}
		return scores;
	}

	static boolean[] labels(Samples s) {
		boolean[] y = new boolean[s.rows()];
		for (int i = 0; i < s.rows(); i++) {
			y[i] = s.label(i);
		}
		return y;
	}

	/** SplitMix64 finaliser: a well-mixed hash, uniform enough for sampling. */
	static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
		z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
		return z ^ (z >>> 31);
	}

	/** A uniform number in [0, 1) from a key and a seed. */
	static double uniform(long key, long seed) {
		return (mix(key * 0x9e3779b97f4a7c15L + seed) >>> 11) * 0x1.0p-53;
	}

	/**
	 * Rows with a bounded number of negatives; remembers each row's payee and sampling
	 * key.
	 */
	private static final class Collector {

		final long seed;

		final int maxNegatives;

		Samples rows = new Samples(RuleSet.FEATURES, 1 << 16);

		int[] payee = new int[1 << 16];

		double[] key = new double[1 << 16];

		int negatives;

		double rate = 1;

		long ordinal;

		long transfers;

		Collector(long seed, int maxNegatives) {
			this.seed = seed;
			this.maxNegatives = maxNegatives;
		}

		void add(double[] f, boolean mule, int to) {
			double u = uniform(ordinal++, seed);
			if (!mule && u >= rate) {
				return;
			}
			int r = rows.rows();
			if (r == payee.length) {
				payee = Arrays.copyOf(payee, r * 2);
				key = Arrays.copyOf(key, r * 2);
			}
			rows.add(f, mule);
			payee[r] = to;
			key[r] = mule ? -1 : u;
			if (!mule && ++negatives > maxNegatives) {
				rate /= 2;
				boolean[] keep = new boolean[rows.rows()];
				int kept = 0;
				for (int i = 0; i < keep.length; i++) {
					keep[i] = key[i] < rate; // positives have key -1
					if (keep[i]) {
						key[kept] = key[i];
						payee[kept] = payee[i];
						kept++;
					}
				}
				rows = rows.select(i -> keep[i]);
				negatives = rows.rows() - rows.positives();
			}
		}

		Result train(String kind, long seed) {
			if (rows.positives() == 0) {
				throw new IllegalArgumentException("no transfer into a mule account: nothing to learn from");
			}
			int n = rows.rows();
			boolean[] heldOut = new boolean[n];
			for (int i = 0; i < n; i++) {
				heldOut[i] = uniform(payee[i], seed ^ 0x5eed) < 0.2;
			}
			Samples fit = rows.select(i -> !heldOut[i]);
			Samples test = rows.select(i -> heldOut[i]);
			Model m = MonitorTraining.train(kind, fit, null, seed);
			double threshold = Metrics.bestF1(scores(m, fit), labels(fit)).threshold();
			double[] s = scores(m, test);
			boolean[] y = labels(test);
			return new Result(m, transfers, fit.rows(), fit.positives(), rate, test.rows(), test.positives(),
					Metrics.auc(s, y), Metrics.at(threshold, s, y).f1());
		}

	}

}
