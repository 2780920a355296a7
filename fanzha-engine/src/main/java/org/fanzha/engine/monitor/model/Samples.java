package org.fanzha.engine.monitor.model;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Training rows for a {@link Model}: feature vectors (one flat row-major
 * {@code double[]}), a 0/1 label each and the feature names. Grows by doubling;
 * {@link #add} copies the caller's vector, so a reused buffer (such as
 * {@code TransferMonitor.lastFeatures()}) may be passed directly. Memory: 8 bytes a
 * feature and 1 a label per row.
 */
public final class Samples {

	private final List<String> features;

	private final int width;

	private double[] x;

	private boolean[] y;

	private int rows;

	private int positives;

	public Samples(List<String> features) {
		this(features, 1024);
	}

	public Samples(List<String> features, int expectedRows) {
		if (features.isEmpty()) {
			throw new IllegalArgumentException("a model needs at least one feature");
		}
		this.features = List.copyOf(features);
		this.width = features.size();
		int n = Math.max(16, expectedRows);
		this.x = new double[n * width];
		this.y = new boolean[n];
	}

	/**
	 * Appends a row; the vector must have at least {@link #width()} entries (extra ones
	 * are ignored).
	 */
	public void add(double[] vector, boolean label) {
		if (vector.length < width) {
			throw new IllegalArgumentException("a row needs " + width + " features, got " + vector.length);
		}
		if (rows == y.length) {
			y = Arrays.copyOf(y, rows * 2);
			x = Arrays.copyOf(x, rows * 2 * width);
		}
		System.arraycopy(vector, 0, x, rows * width, width);
		y[rows] = label;
		if (label) {
			positives++;
		}
		rows++;
	}

	/** The rows whose index {@code keep} accepts, in order. */
	public Samples select(IntPredicate keep) {
		Samples s = new Samples(features, Math.max(16, rows / 2));
		double[] row = new double[width];
		for (int i = 0; i < rows; i++) {
			if (keep.test(i)) {
				System.arraycopy(x, i * width, row, 0, width);
				s.add(row, y[i]);
			}
		}
		return s;
	}

	public List<String> features() {
		return features;
	}

	public int width() {
		return width;
	}

	public int rows() {
		return rows;
	}

	public int positives() {
		return positives;
	}

	public double value(int row, int feature) {
		return x[row * width + feature];
	}

	public boolean label(int row) {
		return y[row];
	}

	/** Copies row {@code row} into {@code out} (reused by the caller). */
	public void row(int row, double[] out) {
		System.arraycopy(x, row * width, out, 0, width);
	}

	/**
	 * Throws when a value is NaN or infinite, naming the row and feature: models are not
	 * trained on garbage.
	 */
	void requireFinite() {
		for (int i = 0; i < rows * width; i++) {
			if (!Double.isFinite(x[i])) {
				throw new IllegalArgumentException("row " + i / width + ", feature " + features.get(i % width) + ": "
						+ x[i] + " is not a finite number");
			}
		}
	}

}
