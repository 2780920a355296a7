package org.fanzha.sim.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.fanzha.sim.cli.EvaluateCommand;
import org.fanzha.sim.world.SimConfig;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class RecoveryEvaluationTest {

	@Test
	void fanzhaStopsMoreThanFirstLevelStopsAndEveryCaseIsCounted() {
		SimConfig config = SimConfig.preset("tiny", 5).withSize(20_000, 2).withFraud(8, 3_000);
		RecoveryEvaluation.Report r = RecoveryEvaluation.run(config, 120);
		assertThat(r.total().cases()).isGreaterThan(20).isEqualTo(r.cases().size());
		long loss = r.cases().stream().mapToLong(RecoveryEvaluation.CaseOutcome::lossFen).sum();
		assertThat(r.total().lossFen()).isEqualTo(loss);
		for (RecoveryEvaluation.CaseOutcome c : r.cases()) {
			assertThat(c.stoppedA()).isBetween(0L, c.lossFen());
			assertThat(c.stoppedB()).isBetween(0L, c.lossFen());
			// monitoring never loses what tracing after the report would stop, and never
			// counts more than was paid
			assertThat(c.stoppedC()).isBetween(c.stoppedB(), c.lossFen());
			assertThat(c.heldBeforeReport()).isBetween(0L, c.stoppedC());
		}
		assertThat(r.total().shareC()).isGreaterThan(r.total().shareB());
		assertThat(r.total().shareHeldBeforeReport()).isPositive();
		assertThat(r.legitDelayedPer10k()).isBetween(0.0, 10.0);
		// tracing every level at report time stops more than the first level half an hour
		// later
		assertThat(r.total().shareB()).isGreaterThan(r.total().shareA()).isGreaterThan(0.2);
		long byType = r.byType().values().stream().mapToLong(RecoveryEvaluation.Share::cases).sum();
		long byDelay = r.byDelay().values().stream().mapToLong(RecoveryEvaluation.Share::cases).sum();
		assertThat(byType).isEqualTo(r.total().cases());
		assertThat(byDelay).isEqualTo(r.total().cases());
	}

	@Test
	void jsonHasTheDocumentedKeys() {
		StringWriter out = new StringWriter();
		CommandLine cl = new CommandLine(new EvaluateCommand());
		cl.setOut(new PrintWriter(out));
		int rc = cl.execute("recovery", "--preset", "tiny", "--seed", "2", "--json");
		assertThat(rc).isZero();
		String json = out.toString().strip();
		assertThat(json).startsWith("{")
			.endsWith("}")
			.contains("\"firstLevelOnly\":")
			.contains("\"fanzha\":")
			.contains("\"reportToLastInstructionMsP99\":")
			.contains("\"fanzhaWithMonitoring\":")
			.contains("\"legitDelayedPer10k\":")
			.doesNotContain("\n");
		StringWriter err = new StringWriter();
		cl.setErr(new PrintWriter(err));
		assertThat(cl.execute("recovery", "--preset", "enormous")).isEqualTo(2);
		assertThat(err.toString()).contains("Unknown preset 'enormous'");
	}

}
