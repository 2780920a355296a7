package org.fanzha.engine.monitor.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Saves and loads a {@link Model} as readable UTF-8 text, one fact a line ({@code #}
 * starts a comment):
 *
 * <pre>
 * fanzha-model 1
 * kind gbt
 * features 2
 * feature payee.countIn1h
 * feature amount
 * base -2.5
 * trees 1
 * tree 0 nodes 3
 * node 0 if payee.countIn1h &lt;= 4.0 then 1 else 2
 * node 1 leaf -0.01
 * node 2 leaf 0.2
 * end
 * </pre>
 *
 * A logistic model has, after its features, {@code transform signed-log1p},
 * {@code bias B} and one {@code coef NAME mean M scale S weight W} line per feature in
 * order. Numbers are written with {@link Double#toString}, which reads back to the same
 * double, so a loaded model scores exactly as the saved one. Reading checks everything
 * (order of the sections, node ids in sequence, children after their parent inside the
 * tree, finite numbers) and fails with one line naming the file and line. {@link #load}
 * also refuses a model whose feature names differ from the ones the caller computes: a
 * model trained on another vector must not be applied.
 */
public final class ModelFile {

	static final String MAGIC = "fanzha-model 1";

	static final String TRANSFORM = "signed-log1p";

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");

	private ModelFile() {
	}

	public static void save(Model m, Path file) throws IOException {
		Path parent = file.toAbsolutePath().getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		Files.writeString(file, format(m), StandardCharsets.UTF_8);
	}

	/**
	 * Loads a model and checks that it expects exactly {@code expectedFeatures}, in that
	 * order.
	 */
	public static Model load(Path file, List<String> expectedFeatures) throws IOException {
		Model m = parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
		requireFeatures(m, expectedFeatures, file.toString());
		return m;
	}

	public static void requireFeatures(Model m, List<String> expected, String source) {
		if (m.features().equals(expected)) {
			return;
		}
		int i = 0;
		while (i < m.features().size() && i < expected.size() && m.features().get(i).equals(expected.get(i))) {
			i++;
		}
		String got = i < m.features().size() ? "'" + m.features().get(i) + "'" : "nothing";
		String want = i < expected.size() ? "'" + expected.get(i) + "'" : "nothing";
		throw new IllegalArgumentException(source + ": the model expects " + m.features().size()
				+ " features, the caller has " + expected.size() + "; feature " + (i + 1) + " is " + got
				+ " in the model but " + want + " here: retrain the model");
	}

	public static String format(Model m) {
		StringBuilder b = new StringBuilder(4096);
		b.append("# Fanzha monitoring model: text format of org.fanzha.engine.monitor.model.ModelFile\n");
		b.append(MAGIC).append('\n');
		b.append("kind ").append(m.kind()).append('\n');
		b.append("features ").append(m.features().size()).append('\n');
		for (String f : m.features()) {
			if (!NAME.matcher(f).matches()) {
				throw new IllegalArgumentException(
						"feature name '" + f + "' cannot be saved (letters, digits, _ . : - only)");
			}
			b.append("feature ").append(f).append('\n');
		}
		if (m instanceof LogisticRegression lr) {
			double[] mean = lr.mean;
			double[] scale = lr.scale;
			double[] w = lr.weight;
			b.append("transform ").append(TRANSFORM).append('\n');
			b.append("bias ").append(lr.bias).append('\n');
			for (int i = 0; i < w.length; i++) {
				b.append("coef ")
					.append(m.features().get(i))
					.append(" mean ")
					.append(mean[i])
					.append(" scale ")
					.append(scale[i])
					.append(" weight ")
					.append(w[i])
					.append('\n');
			}
		}
		else if (m instanceof GradientBoostedTrees t) {
			int[] roots = t.treeRoot;
			int[] feature = t.feature;
			double[] threshold = t.threshold;
			int[] left = t.left;
			int[] right = t.right;
			double[] value = t.value;
			b.append("base ").append(t.base).append('\n');
			b.append("trees ").append(roots.length).append('\n');
			for (int k = 0; k < roots.length; k++) {
				int root = roots[k];
				int end = k + 1 < roots.length ? roots[k + 1] : feature.length;
				b.append("tree ").append(k).append(" nodes ").append(end - root).append('\n');
				for (int nd = root; nd < end; nd++) {
					b.append("node ").append(nd - root);
					if (feature[nd] < 0) {
						b.append(" leaf ").append(value[nd]);
					}
					else {
						b.append(" if ")
							.append(m.features().get(feature[nd]))
							.append(" <= ")
							.append(threshold[nd])
							.append(" then ")
							.append(left[nd] - root)
							.append(" else ")
							.append(right[nd] - root);
					}
					b.append('\n');
				}
			}
		}
		else {
			throw new IllegalArgumentException("cannot save a model of kind " + m.kind());
		}
		b.append("end\n");
		return b.toString();
	}

	/**
	 * Reads a model without checking its features against a caller's; {@code source}
	 * names it in errors.
	 */
	public static Model parse(String text, String source) {
		return new Reader(text, source).model();
	}

	/** Line-by-line reader that knows where it is, for errors naming the line. */
	private static final class Reader {

		final String[] lines;

		final String source;

		int at = -1;

		Reader(String text, String source) {
			this.lines = text.split("\r?\n", -1);
			this.source = source;
		}

		IllegalArgumentException error(String message) {
			String where = at < 0 || at >= lines.length ? source + ": " : source + ":" + (at + 1) + ": ";
			return new IllegalArgumentException(where + message);
		}

		/**
		 * The next non-blank, non-comment line split on spaces; fails at the end of the
		 * text.
		 */
		String[] next(String expected) {
			while (++at < lines.length) {
				String l = lines[at].strip();
				if (!l.isEmpty() && !l.startsWith("#")) {
					return l.split("\\s+");
				}
			}
			throw error("the file ends where " + expected + " was expected (truncated?)");
		}

		String[] expect(String expected, String keyword, int fields) {
			String[] f = next(expected);
			if (!f[0].equals(keyword) || f.length != fields) {
				throw error("expected '" + expected + "', got '" + String.join(" ", f) + "'");
			}
			return f;
		}

		int integer(String s, String what, int min, int max) {
			try {
				int v = Integer.parseInt(s);
				if (v < min || v > max) {
					throw error(what + " must be between " + min + " and " + max + ", got " + v);
				}
				return v;
			}
			catch (NumberFormatException e) {
				throw error(what + " must be a whole number, got '" + s + "'");
			}
		}

		double number(String s, String what) {
			try {
				double v = Double.parseDouble(s);
				if (!Double.isFinite(v)) {
					throw error(what + " must be a finite number, got '" + s + "'");
				}
				return v;
			}
			catch (NumberFormatException e) {
				throw error(what + " must be a number, got '" + s + "'");
			}
		}

		Model model() {
			String[] magic = next("'" + MAGIC + "'");
			if (!String.join(" ", magic).equals(MAGIC)) {
				throw error("not a Fanzha model file: the first line must be '" + MAGIC + "'");
			}
			String kind = expect("kind gbt|logistic", "kind", 2)[1];
			if (!kind.equals(GradientBoostedTrees.KIND) && !kind.equals(LogisticRegression.KIND)) {
				throw error("unknown kind '" + kind + "': use gbt or logistic");
			}
			int d = integer(expect("features N", "features", 2)[1], "features", 1, 10_000);
			List<String> features = new ArrayList<>(d);
			for (int i = 0; i < d; i++) {
				String name = expect("feature NAME", "feature", 2)[1];
				if (!NAME.matcher(name).matches()) {
					throw error("bad feature name '" + name + "'");
				}
				if (features.contains(name)) {
					throw error("feature " + name + " is listed twice");
				}
				features.add(name);
			}
			Model m = kind.equals(LogisticRegression.KIND) ? logistic(features) : trees(features);
			String[] end = next("end");
			if (!end[0].equals("end") || end.length != 1) {
				throw error("expected 'end', got '" + String.join(" ", end) + "'");
			}
			while (++at < lines.length) {
				String l = lines[at].strip();
				if (!l.isEmpty() && !l.startsWith("#")) {
					throw error("text after 'end'");
				}
			}
			return m;
		}

		LogisticRegression logistic(List<String> features) {
			String t = expect("transform " + TRANSFORM, "transform", 2)[1];
			if (!t.equals(TRANSFORM)) {
				throw error("unknown transform '" + t + "': only " + TRANSFORM);
			}
			double bias = number(expect("bias B", "bias", 2)[1], "bias");
			int d = features.size();
			double[] mean = new double[d];
			double[] scale = new double[d];
			double[] w = new double[d];
			for (int i = 0; i < d; i++) {
				String[] f = expect("coef NAME mean M scale S weight W", "coef", 8);
				if (!f[1].equals(features.get(i))) {
					throw error("coef " + (i + 1) + " is for '" + f[1] + "' but feature " + (i + 1) + " is '"
							+ features.get(i) + "'");
				}
				if (!f[2].equals("mean") || !f[4].equals("scale") || !f[6].equals("weight")) {
					throw error("expected 'coef NAME mean M scale S weight W'");
				}
				mean[i] = number(f[3], "mean");
				scale[i] = number(f[5], "scale");
				if (!(scale[i] > 0)) {
					throw error("scale must be > 0");
				}
				w[i] = number(f[7], "weight");
			}
			return new LogisticRegression(features, mean, scale, w, bias);
		}

		GradientBoostedTrees trees(List<String> features) {
			double base = number(expect("base B", "base", 2)[1], "base");
			int trees = integer(expect("trees N", "trees", 2)[1], "trees", 1, 1_000_000);
			int[] roots = new int[trees];
			int[] feature = new int[1024];
			int[] left = new int[1024];
			int[] right = new int[1024];
			double[] threshold = new double[1024];
			double[] value = new double[1024];
			int total = 0;
			for (int k = 0; k < trees; k++) {
				String[] head = expect("tree " + k + " nodes N", "tree", 4);
				if (integer(head[1], "tree number", 0, trees - 1) != k || !head[2].equals("nodes")) {
					throw error("expected 'tree " + k + " nodes N'");
				}
				int count = integer(head[3], "nodes", 1, 1 << 20);
				int root = total;
				roots[k] = root;
				for (int nd = 0; nd < count; nd++) {
					String[] f = next("node " + nd);
					if (!f[0].equals("node") || f.length < 2 || !f[1].equals(Integer.toString(nd))) {
						throw error("expected 'node " + nd + " ...' (nodes numbered in order), got '"
								+ String.join(" ", f) + "'");
					}
					if (total == feature.length) {
						int c = total * 2;
						feature = Arrays.copyOf(feature, c);
						left = Arrays.copyOf(left, c);
						right = Arrays.copyOf(right, c);
						threshold = Arrays.copyOf(threshold, c);
						value = Arrays.copyOf(value, c);
					}
					if (f.length == 4 && f[2].equals("leaf")) {
						feature[total] = -1;
						left[total] = -1;
						right[total] = -1;
						value[total] = number(f[3], "leaf value");
					}
					else if (f.length == 10 && f[2].equals("if") && f[4].equals("<=") && f[6].equals("then")
							&& f[8].equals("else")) {
						feature[total] = features.indexOf(f[3]);
						if (feature[total] < 0) {
							throw error("the node splits on '" + f[3] + "', which is not among the features");
						}
						threshold[total] = number(f[5], "threshold");
						// children come after their parent and inside the tree, so every
						// walk ends at a leaf
						left[total] = root + integer(f[7], "left child", nd + 1, count - 1);
						right[total] = root + integer(f[9], "right child", nd + 1, count - 1);
					}
					else {
						throw error("expected 'node " + nd + " leaf V' or 'node " + nd
								+ " if FEATURE <= T then L else R', got '" + String.join(" ", f) + "'");
					}
					total++;
				}
			}
			return new GradientBoostedTrees(features, base, roots, Arrays.copyOf(feature, total),
					Arrays.copyOf(threshold, total), Arrays.copyOf(left, total), Arrays.copyOf(right, total),
					Arrays.copyOf(value, total));
		}

	}

}
