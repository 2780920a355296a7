package org.fanzha.sim.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.fanzha.engine.monitor.Action;
import org.fanzha.engine.monitor.RuleSet;
import org.fanzha.engine.monitor.TransferMonitor;
import org.fanzha.sim.cli.BacktestCommand;
import org.fanzha.sim.world.DatasetSink;
import org.fanzha.sim.world.SimConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BacktestTest {

	@TempDir
	static Path dir;

	@BeforeAll
	static void world() throws Exception {
		DatasetSink.write(SimConfig.preset("tiny", 4), dir);
	}

	@Test
	void aShadowRuleIsScoredLikeTheOthersButNeverDecides() throws Exception {
		// the shipped FAN_IN rule, once armed and once in shadow
		String fanIn = TransferMonitor.DEFAULT_RULES.lines()
			.filter(l -> l.strip().startsWith("rule FAN_IN:"))
			.findFirst()
			.orElseThrow()
			.strip();
		Backtest.Report armed = Backtest.run(dir, RuleSet.parse("version 5\n" + fanIn));
		Backtest.Report shadow = Backtest.run(dir, RuleSet.parse("version 6\nshadow " + fanIn));
		Backtest.RuleStats a = armed.rules().get(0);
		Backtest.RuleStats s = shadow.rules().get(0);
		assertThat(armed.labelled()).isTrue();
		assertThat(a.guarded()).as("FAN_IN stays under the guard's cap in an ordinary world").isFalse();
		assertThat(a.matched()).isPositive().isEqualTo(a.decided());
		assertThat(a.action()).isEqualTo(Action.DELAY);
		assertThat(s.shadow()).isTrue();
		assertThat(s.decided()).isZero();
		// the same transfers match either way; only the armed one flags accounts in the
		// overall figures
		assertThat(s.matched()).isEqualTo(a.matched());
		assertThat(s.accountsFlagged()).isEqualTo(a.accountsFlagged());
		assertThat(s.mulesFlagged()).isEqualTo(a.mulesFlagged()).isPositive();
		assertThat(armed.flagged()).isEqualTo(a.accountsFlagged());
		assertThat(shadow.flagged()).isZero();
		assertThat(armed.truePositives()).isEqualTo(a.mulesFlagged());
		assertThat(armed.precision()).isEqualTo(a.precision());
	}

	@Test
	void theShippedRulesOverADatasetWithReportsReplayed() throws Exception {
		Backtest.Report r = Backtest.run(dir, Backtest.defaultRules());
		assertThat(r.reportsReplayed()).as("cases.csv confirms the reported payees").isPositive();
		assertThat(r.rules()).extracting(Backtest.RuleStats::id).contains("TO_CONFIRMED", "FAN_IN", "NIGHT_LARGE");
		Backtest.RuleStats frozen = r.rules()
			.stream()
			.filter(x -> x.id().equals("TO_CONFIRMED"))
			.findFirst()
			.orElseThrow();
		assertThat(frozen.matched()).isPositive();
		assertThat(r.precision()).isGreaterThan(0.5);
		assertThat(r.legitDelayedPer10k()).isLessThan(10);
	}

	@Test
	void theCommandPrintsJsonAndRefusesBadInputInOneLine() throws Exception {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		CommandLine cl = new CommandLine(new BacktestCommand());
		cl.setOut(new PrintWriter(out));
		cl.setErr(new PrintWriter(err));
		assertThat(cl.execute("--data", dir.toString(), "--json")).isZero();
		assertThat(out.toString().strip()).startsWith("{")
			.contains("\"precision\":")
			.contains("\"f1\":")
			.contains("\"legitDelayedPer10k\":")
			.contains("\"id\":\"FAN_IN\"")
			.doesNotContain("\n");
		Path bad = dir.resolve("bad-rules.txt");
		Files.writeString(bad, "version 3\nrule X: payee.nothing >= 1 -> REVIEW \"x\"\n");
		assertThat(cl.execute("--data", dir.toString(), "--rules", bad.toString())).isEqualTo(2);
		assertThat(err.toString()).contains("line 2").contains("unknown feature payee.nothing");
		assertThat(err.toString().strip().lines()).hasSize(1);
		StringWriter err2 = new StringWriter();
		cl.setErr(new PrintWriter(err2));
		assertThat(cl.execute("--data", dir.resolve("nowhere").toString())).isEqualTo(2);
		assertThat(err2.toString()).startsWith("fanzha backtest: no such file");
	}

}
