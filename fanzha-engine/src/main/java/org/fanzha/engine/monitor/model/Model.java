package org.fanzha.engine.monitor.model;

import java.util.List;

/**
 * A trained scorer of feature vectors: {@link LogisticRegression} or
 * {@link GradientBoostedTrees}, saved and loaded with {@link ModelFile}. Scoring is meant
 * for hot paths: it reads the caller's array and allocates nothing.
 */
public interface Model {

	/**
	 * Probability-like score in [0, 1] of the vector {@code x}, whose entries follow
	 * {@link #features()}.
	 */
	double score(double[] x);

	/** The names of the features the model expects, in the order of the vector. */
	List<String> features();

	/** The kind written in the model file ({@code logistic} or {@code gbt}). */
	String kind();

}
