package org.fanzha.engine.monitor.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {

	@TempDir
	Path tmp;

	static final String TREE = """
			fanzha-model 1
			kind gbt
			features 2
			feature a
			feature b
			base -1.5
			trees 1
			tree 0 nodes 3
			node 0 if b <= 4.0 then 1 else 2
			node 1 leaf -0.25
			node 2 leaf 0.75
			end
			""";

	@Test
	void savedModelsLoadAndScoreExactlyAsBefore() throws IOException {
		Samples train = ModelTrainingTest.rows(3_000, 21, true);
		for (Model m : List.of(GradientBoostedTrees.train(train, GradientBoostedTrees.Options.defaults()),
				LogisticRegression.train(train, LogisticRegression.Options.defaults()))) {
			Path file = tmp.resolve(m.kind() + ".model");
			ModelFile.save(m, file);
			Model back = ModelFile.load(file, ModelTrainingTest.XY);
			assertThat(back.kind()).isEqualTo(m.kind());
			assertThat(back.features()).isEqualTo(m.features());
			SplittableRandom r = new SplittableRandom(22);
			double[] x = new double[3];
			for (int i = 0; i < 5_000; i++) {
				x[0] = r.nextDouble(-2, 2);
				x[1] = r.nextDouble(-2, 2);
				x[2] = r.nextDouble(-1e9, 1e9);
				assertThat(back.score(x)).isEqualTo(m.score(x));
			}
			assertThat(ModelFile.format(back)).isEqualTo(Files.readString(file));
		}
	}

	@Test
	void aHandWrittenTreeScoresAsWritten() {
		GradientBoostedTrees m = (GradientBoostedTrees) ModelFile.parse(TREE, "hand");
		assertThat(m.raw(new double[] { 100, 4.0 })).isEqualTo(-1.75);
		assertThat(m.raw(new double[] { 100, 4.5 })).isEqualTo(-0.75);
		assertThat(m.score(new double[] { 0, Double.NaN })).isEqualTo(LogisticRegression.sigmoid(-0.75));
	}

	@Test
	void aModelForOtherFeaturesIsRefused() throws IOException {
		Path file = tmp.resolve("m.model");
		Files.writeString(file, TREE);
		assertThat(ModelFile.load(file, List.of("a", "b")).features()).containsExactly("a", "b");
		assertThatThrownBy(() -> ModelFile.load(file, List.of("a", "c"))).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("feature 2 is 'b' in the model but 'c' here");
		assertThatThrownBy(() -> ModelFile.load(file, List.of("a", "b", "c")))
			.hasMessageContaining("expects 2 features, the caller has 3");
	}

	@Test
	void malformedFilesAreRefusedNamingTheLine() {
		assertError("hello\n", "x:1: not a Fanzha model file");
		assertError(TREE.replace("kind gbt", "kind forest"), "x:2: unknown kind 'forest'");
		assertError(TREE.replace("base -1.5", "base minus"), "x:6: base must be a number, got 'minus'");
		assertError(TREE.replace("base -1.5", "base NaN"), "x:6: base must be a finite number");
		assertError(TREE.replace("then 1 else 2", "then 0 else 2"), "x:9: left child must be between 1 and 2, got 0");
		assertError(TREE.replace("if b <=", "if c <="), "x:9: the node splits on 'c', which is not among the features");
		assertError(TREE.replace("node 1 leaf", "node 2 leaf"), "x:10: expected 'node 1 ...'");
		assertError(TREE.replace("feature b", "feature a"), "x:5: feature a is listed twice");
		assertError(TREE.replace("end\n", ""), "x: the file ends where end was expected");
		assertError(TREE.substring(0, TREE.indexOf("node 2")), "x: the file ends where node 2 was expected");
		assertError(TREE + "node 3 leaf 1\n", "x:13: text after 'end'");
		assertError("""
				fanzha-model 1
				kind logistic
				features 1
				feature a
				transform signed-log1p
				bias 0.5
				coef b mean 0 scale 1 weight 2
				end
				""", "x:7: coef 1 is for 'b' but feature 1 is 'a'");
	}

	static void assertError(String text, String message) {
		assertThatThrownBy(() -> ModelFile.parse(text, "x")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageStartingWith(message)
			.satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
	}

}
