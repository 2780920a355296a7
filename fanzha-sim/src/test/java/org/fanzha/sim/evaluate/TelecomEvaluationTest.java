package org.fanzha.sim.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.fanzha.engine.telecom.SimRuleSet;
import org.fanzha.sim.cli.EvaluateCommand;
import org.fanzha.sim.world.SimConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TelecomEvaluationTest {

	static final SimConfig WORLD = SimConfig.preset("tiny", 4).withSize(20_000, 2).withFraud(8, 3_000);

	record Run(int rc, String out, String err) {
	}

	static Run evaluate(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		CommandLine cl = new CommandLine(new EvaluateCommand());
		cl.setOut(new PrintWriter(out));
		cl.setErr(new PrintWriter(err));
		return new Run(cl.execute(args), out.toString(), err.toString());
	}

	@Test
	void theMeasuresHitFraudSimsFarMoreThanOrdinaryOnes() {
		TelecomEvaluation.Report r = TelecomEvaluation.run(WORLD);
		assertThat(r.activeFraudSims()).isPositive().isLessThanOrEqualTo(r.fraudSims());
		assertThat(r.truePositives()).isPositive().isLessThanOrEqualTo(r.flagged());
		double fraudHit = r.truePositives() / (double) r.activeFraudSims();
		double ordinaryHit = r.normalRestricted() / (double) r.normalSims();
		assertThat(fraudHit).isGreaterThan(100 * ordinaryHit).isGreaterThan(0.5);
		assertThat(r.precision()).isGreaterThan(0.9);
		assertThat(r.f1()).isBetween(0.0, 1.0);
		assertThat(r.normalRestrictedPer100k()).isLessThan(10);
		assertThat(r.medianMinutesToRestriction()).isGreaterThanOrEqualTo(0);
		assertThat(r.fraudEventsBlockedShare()).isBetween(0.0, 1.0);
		assertThat(r.simBoxRecall()).isBetween(0.0, 1.0);
		assertThat(r.byRule()).containsKey("CONFIRMED");
		int actedOnFraud = r.byRule().values().stream().mapToInt(TelecomEvaluation.RuleCount::fraud).sum();
		assertThat(actedOnFraud).isGreaterThanOrEqualTo(r.truePositives());
	}

	@Test
	void rulesThatNeverActRestrictNothing() {
		TelecomEvaluation.Report r = TelecomEvaluation.run(WORLD,
				SimRuleSet.parse("version 9\nrule NEVER: sim.calls1h >= 1000000 -> SUSPEND \"从不\"\n"));
		assertThat(r.flagged()).isZero();
		assertThat(r.recall()).isZero();
		assertThat(r.medianMinutesToRestriction()).isEqualTo(-1);
		assertThat(r.rulesVersion()).isEqualTo(9);
	}

	@Test
	void jsonIsOneObjectWithTheFigures() {
		Run run = evaluate("telecom", "--preset", "tiny", "--seed", "3", "--json");
		assertThat(run.rc()).isZero();
		String json = run.out().strip();
		assertThat(json).startsWith("{").endsWith("}").doesNotContain("\n");
		for (String key : new String[] { "precision", "recall", "f1", "medianMinutesToRestriction",
				"normalRestrictedPer100k", "simBoxRecall" }) {
			assertThat(json).contains("\"" + key + "\":");
		}
		assertThat(json).contains("\"byRule\":{\"CONFIRMED\":{");
		String text = evaluate("telecom", "--preset", "tiny", "--seed", "3").out();
		assertThat(text).contains("precision").contains("SIM boxes").contains("per 100,000");
	}

	@Test
	void badOptionsExitTwoWithOneLine(@TempDir Path tmp) throws Exception {
		Run preset = evaluate("telecom", "--preset", "galactic");
		assertThat(preset.rc()).isEqualTo(2);
		assertThat(preset.err().strip()).startsWith("fanzha evaluate telecom: ")
			.contains("galactic")
			.doesNotContain("\n");
		Run missing = evaluate("telecom", "--preset", "tiny", "--rules", tmp.resolve("nope.rules").toString());
		assertThat(missing.rc()).isEqualTo(2);
		assertThat(missing.err().strip()).contains("nope.rules").doesNotContain("\n");
		Path bad = Files.writeString(tmp.resolve("bad.rules"), "version 2\nrule X: sim.calls1h >= 3 -> JAIL \"x\"\n");
		Run rules = evaluate("telecom", "--preset", "tiny", "--rules", bad.toString());
		assertThat(rules.rc()).isEqualTo(2);
		assertThat(rules.err().strip()).contains("line 2").contains("unknown measure JAIL").doesNotContain("\n");
		assertThat(evaluate("telecom", "--seed", "many").rc()).isEqualTo(2);
	}

}
