package org.fanzha.sim.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.fanzha.sim.cli.EvaluateCommand;
import org.fanzha.sim.world.SimConfig;
import org.junit.jupiter.api.Test;

import picocli.CommandLine;

class MonitoringEvaluationTest {

	@Test
	void theDefaultRulesFindMulesAndLeaveOrdinaryPaymentsAlone() {
		MonitoringEvaluation.Report r = MonitoringEvaluation.run(SimConfig.preset("tiny", 4).withSize(20_000, 2).withFraud(8, 3_000));
		assertThat(r.mules()).isPositive();
		assertThat(r.truePositives()).isPositive().isLessThanOrEqualTo(r.flagged());
		assertThat(r.precision()).isGreaterThan(0.5);
		assertThat(r.f1()).isBetween(0.0, 1.0);
		assertThat(r.legitDelayedPer10k()).isLessThan(10);
	}

	@Test
	void jsonKeys() {
		StringWriter out = new StringWriter();
		CommandLine cl = new CommandLine(new EvaluateCommand());
		cl.setOut(new PrintWriter(out));
		assertThat(cl.execute("monitoring", "--preset", "tiny", "--json")).isZero();
		assertThat(out.toString().strip()).startsWith("{").contains("\"precision\":").contains("\"recall\":")
				.contains("\"f1\":").contains("\"legitDelayedPer10k\":");
	}
}
