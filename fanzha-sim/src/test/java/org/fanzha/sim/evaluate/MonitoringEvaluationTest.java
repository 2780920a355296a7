package org.fanzha.sim.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fanzha.engine.monitor.Action;
import org.fanzha.engine.monitor.RuleEngine;
import org.fanzha.engine.monitor.TransferMonitor;
import org.fanzha.sim.cli.EvaluateCommand;
import org.fanzha.sim.world.CaseReport;
import org.fanzha.sim.world.SimConfig;
import org.fanzha.sim.world.Simulator;
import org.fanzha.sim.world.World;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MonitoringEvaluationTest {

	@Test
	void theDefaultRulesFindMulesAndLeaveOrdinaryPaymentsAlone() {
		MonitoringEvaluation.Report r = MonitoringEvaluation
			.run(SimConfig.preset("tiny", 4).withSize(20_000, 2).withFraud(8, 3_000));
		assertThat(r.mules()).isPositive();
		assertThat(r.truePositives()).isPositive().isLessThanOrEqualTo(r.flagged());
		assertThat(r.precision()).isGreaterThan(0.5);
		assertThat(r.f1()).isBetween(0.0, 1.0);
		assertThat(r.legitDelayedPer10k()).isLessThan(10);
		assertThat(r.victimMoneyHeldShare()).isBetween(0.0, 1.0);
		assertThat(r.medianMinutesToFlag()).isGreaterThanOrEqualTo(0);
	}

	@Test
	void reportsAndFlaggedNumbersAreUsedOnlyAfterTheyHappen() {
		SimConfig config = SimConfig.preset("tiny", 4).withSize(20_000, 2).withFraud(8, 3_000);
		World world = new World(config);
		TransferMonitor monitor = TransferMonitor.withDefaultRules(world.population.accounts());
		long[] last = { Long.MIN_VALUE };
		long[] reports = { 0 };
		List<String> wrong = new ArrayList<>();
		Map<Long, Long> reportedAt = new HashMap<>();
		MonitoredProvince[] province = new MonitoredProvince[1];
		province[0] = new MonitoredProvince(world, monitor, new MonitoredProvince.Observer() {

			@Override
			public void decided(long id, long time, int from, int to, long amount, int level, long victim,
					RuleEngine.Verdict v) {
				if (time < last[0]) {
					wrong.add("transfer T" + id + " decided out of time order");
				}
				last[0] = time;
				if (v.action == Action.PROTECTIVE_FREEZE) {
					// a freeze needs a report naming the payee, made before this transfer
					Long at = reportedAt.get((long) to);
					if (at == null || at > time) {
						wrong.add("T" + id + " frozen before any report named A" + to);
					}
				}
			}

			@Override
			public void reported(CaseReport report) {
				reports[0]++;
				if (report.reportTime() < last[0]) {
					wrong.add("case C" + report.caseId() + " seen after later transfers");
				}
				for (long t : report.reportedTransfers()) {
					reportedAt.putIfAbsent((long) province[0].payeeOf(t), report.reportTime());
				}
			}
		});
		new Simulator(world).run(province[0]);
		assertThat(reports[0]).isPositive();
		assertThat(wrong).isEmpty();
	}

	@Test
	void jsonKeys() {
		StringWriter out = new StringWriter();
		CommandLine cl = new CommandLine(new EvaluateCommand());
		cl.setOut(new PrintWriter(out));
		assertThat(cl.execute("monitoring", "--preset", "tiny", "--json")).isZero();
		assertThat(out.toString().strip()).startsWith("{")
			.contains("\"precision\":")
			.contains("\"recall\":")
			.contains("\"f1\":")
			.contains("\"legitDelayedPer10k\":");
		StringWriter err = new StringWriter();
		cl.setErr(new PrintWriter(err));
		assertThat(cl.execute("monitoring", "--preset", "tiny", "--model-file", "/nowhere/model.txt")).isEqualTo(2);
		assertThat(cl.execute("recovery", "--preset", "tiny", "--model-file", "/nowhere/model.txt")).isEqualTo(2);
		assertThat(err.toString().lines()).hasSize(2).allMatch(l -> l.contains("no such file /nowhere/model.txt"));
	}

}
