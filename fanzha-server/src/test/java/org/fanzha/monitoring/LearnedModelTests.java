package org.fanzha.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.fanzha.engine.monitor.RuleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * A model file named in the settings feeds the rules' {@code model} feature; a bad file
 * stops the start.
 */
class LearnedModelTests {

	static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");

	static AbstractPlatformTransactionManager noTransactions() {
		return new AbstractPlatformTransactionManager() {
			@Override
			protected Object doGetTransaction() {
				return new Object();
			}

			@Override
			protected void doBegin(Object t, TransactionDefinition d) {
			}

			@Override
			protected void doCommit(DefaultTransactionStatus s) {
			}

			@Override
			protected void doRollback(DefaultTransactionStatus s) {
			}
		};
	}

	/**
	 * A one-leaf boosted model whose score is the logistic of its base: every transfer
	 * looks like a mule's.
	 */
	static String constantModel(double base) {
		StringBuilder b = new StringBuilder("fanzha-model 1\nkind gbt\nfeatures " + RuleSet.FEATURES.size() + "\n");
		RuleSet.FEATURES.forEach(f -> b.append("feature ").append(f).append('\n'));
		return b.append("base ").append(base).append("\ntrees 1\ntree 0 nodes 1\nnode 0 leaf 0\nend\n").toString();
	}

	TransferScreening decisions(Path model) {
		return new TransferScreening(Clock.fixed(NOW, ZoneOffset.UTC), new SimpleMeterRegistry(), e -> {
		}, noTransactions(), new MonitoringProperties(model, null), null, null, null);
	}

	@Test
	void theModelsScoreReachesTheRulesThatNameIt(@TempDir Path dir) throws Exception {
		Path high = Files.writeString(dir.resolve("high.txt"), constantModel(5.0));
		Path low = Files.writeString(dir.resolve("low.txt"), constantModel(-5.0));
		var t = new TransferScreening.TransferIn("M1", "ICBC:A", "ICBC:B", 10_000L, NOW.minusSeconds(10));
		Decision withHigh = decisions(high).decide("ICBC", List.of(t)).get(0);
		assertThat(withHigh.decision()).isEqualTo("REVIEW");
		assertThat(withHigh.reasons()).extracting(Decision.Reason::rule).containsExactly("MODEL_HIGH");
		assertThat(decisions(low).decide("ICBC", List.of(t)).get(0).decision()).isEqualTo("ALLOW");
		assertThat(decisions(null).decide("ICBC", List.of(t)).get(0).decision()).isEqualTo("ALLOW");
		assertThat(decisions(high).hasModel()).isTrue();
	}

	@Test
	void aModelForOtherFeaturesIsRefusedAtStart(@TempDir Path dir) throws Exception {
		Path wrong = Files.writeString(dir.resolve("wrong.txt"),
				"fanzha-model 1\nkind gbt\nfeatures 1\nfeature somethingElse\nbase 0\ntrees 1\ntree 0 nodes 1\nnode 0 leaf 0\nend\n");
		assertThatThrownBy(() -> decisions(wrong)).hasMessageContaining("somethingElse");
		assertThatThrownBy(() -> decisions(dir.resolve("missing.txt"))).hasMessageContaining("missing.txt");
	}

}
