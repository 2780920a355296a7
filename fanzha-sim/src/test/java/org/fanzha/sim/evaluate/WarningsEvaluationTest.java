package org.fanzha.sim.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.fanzha.engine.telecom.SimMonitor;
import org.fanzha.engine.telecom.SimRuleSet;
import org.fanzha.engine.warnings.Channel;
import org.fanzha.sim.cli.EvaluateCommand;
import org.fanzha.sim.evaluate.WarningsEvaluation.Report;
import org.fanzha.sim.evaluate.WarningsEvaluation.Source;
import org.fanzha.sim.evaluate.WarningsEvaluation.Success;
import org.fanzha.sim.evaluate.WarningsEvaluation.TypeRow;
import org.fanzha.sim.evaluate.WarningsEvaluation.Warning;
import org.fanzha.sim.world.CaseReport;
import org.fanzha.sim.world.EventSink;
import org.fanzha.sim.world.SimConfig;
import org.fanzha.sim.world.Simulator;
import org.fanzha.sim.world.TransferChannel;
import org.fanzha.sim.world.World;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class WarningsEvaluationTest {

	static final SimConfig WORLD = SimConfig.preset("tiny", 4).withSize(20_000, 2).withFraud(8, 3_000);

	/** The same world where nobody ever reports. */
	static final SimConfig SILENT = new SimConfig("tiny", 4, 20_000, 2, SimConfig.DEFAULT_START, 8, 3_000, 0.0, false);

	static final SimRuleSet NEVER = SimRuleSet
		.parse("version 9\nrule NEVER: sim.calls1h >= 1000000 -> SUSPEND \"从不\"\n");

	static final SimRuleSet DEFAULT_SIM_RULES = SimRuleSet.parse(SimMonitor.DEFAULT_RULES);

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
	void figuresAreInRangeAndTheSameForTheSameSeed() {
		Report r = WarningsEvaluation.run(WORLD);
		assertThat(r.victims()).isPositive();
		assertThat(r.warnings()).isPositive().isEqualTo(r.warningList().size());
		assertThat(r.victimsWarnedBefore()).isPositive().isLessThanOrEqualTo(r.victims());
		assertThat(r.victimsWarnedBefore() + r.victimsWarnedAfterPaying()).isLessThanOrEqualTo(r.victims());
		for (double share : new double[] { r.warnedBeforeFirstPayment(), r.warnedBeforeFirstPaymentByDeadline(),
				r.warnedAfterPayingShare(), r.nonVictimShare(), r.falseAlarmShare(), r.preventedShare() }) {
			assertThat(share).isBetween(0.0, 1.0);
		}
		assertThat(r.warnedBeforeFirstPaymentByDeadline()).isLessThanOrEqualTo(r.warnedBeforeFirstPayment());
		assertThat(r.victimsWarnedBeforeByOwnGang()).isLessThanOrEqualTo(r.victimsWarnedBefore());
		assertThat(r.warnedBeforeByUnblockedContacts()).isBetween(0.0, r.warnedBeforeFirstPayment());
		// payer-side warnings and contacts found by the look-back (made before the number
		// was known) got through
		assertThat(r.warningList())
			.filteredOn(w -> w.source() == Source.TRANSFER_MONITOR || w.source() == Source.SUSPECTED_LOOKBACK
					|| w.source() == Source.CONFIRMED_LOOKBACK)
			.isNotEmpty()
			.noneMatch(Warning::blockedContact);
		assertThat(r.warningList()).anyMatch(Warning::blockedContact);
		assertThat(r.warnedBeforeByOwnGang()).isBetween(0.0, r.warnedBeforeFirstPayment());
		assertThat(r.firstWarningSource().values().stream().mapToInt(Integer::intValue).sum())
			.isEqualTo(r.victimsWarnedBefore());
		assertThat(r.medianLeadMinutes()).isPositive();
		assertThat(r.warningsByChannel().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(r.warnings());
		assertThat(r.warningsByReason().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(r.warnings());
		assertThat(r.nonVictimWarnings()).isLessThanOrEqualTo(r.warnings());
		assertThat(r.signals()).isGreaterThanOrEqualTo(r.warnings());
		assertThat(r.preventedLossFen()).isPositive().isLessThanOrEqualTo(r.lossFen());
		assertThat(r.preventedLossFenByDeadline()).isLessThanOrEqualTo(r.preventedLossFen());
		assertThat(r.byFraudType().values().stream().mapToInt(TypeRow::victims).sum()).isEqualTo(r.victims());
		assertThat(r.byFraudType().values().stream().mapToInt(TypeRow::warnedBefore).sum())
			.isEqualTo(r.victimsWarnedBefore());
		assertThat(r.byFraudType().values().stream().mapToLong(TypeRow::lossFen).sum()).isEqualTo(r.lossFen());
		assertThat(r.byFraudType().values().stream().mapToLong(TypeRow::preventedLossFen).sum())
			.isEqualTo(r.preventedLossFen());
		// the transfer monitor's payer-side signals are wired in
		assertThat(r.warningList()).anyMatch(w -> w.source() == Source.TRANSFER_MONITOR);
		assertThat(r.warningList()).anyMatch(w -> w.source() == Source.CONFIRMED_NUMBER);
		assertThat(r.warningList()).anyMatch(w -> w.source() == Source.SUSPECTED_NUMBER);
		assertThat(r.warningList()).anyMatch(w -> w.source() == Source.SUSPECTED_LOOKBACK);

		assertThat(WarningsEvaluation.run(WORLD)).isEqualTo(r);
	}

	@Test
	void withoutReportsOrFlaggedNumbersNobodyIsWarned() {
		Report r = WarningsEvaluation.run(SILENT, Success.DEFAULTS, false, NEVER);
		assertThat(r.victims()).isPositive();
		assertThat(r.signals()).isZero();
		assertThat(r.warnings()).isZero();
		assertThat(r.victimsWarnedBefore()).isZero();
		assertThat(r.warnedBeforeFirstPayment()).isZero();
		assertThat(r.warnedBeforeByOwnGang()).isZero();
		assertThat(r.medianLeadMinutes()).isEqualTo(-1);
		assertThat(r.nonVictimShare()).isZero();
		assertThat(r.preventedLossFen()).isZero();
	}

	@Test
	void aNumberWarnsOnlyFromTheReportThatNamesIt() {
		// reports only: every warning comes from a number some report had named by then
		Report r = WarningsEvaluation.run(WORLD, Success.DEFAULTS, false, NEVER);
		assertThat(r.warnings()).isPositive();
		Map<Long, Long> named = new HashMap<>();
		World world = new World(WORLD);
		new Simulator(world).run(new EventSink() {

			@Override
			public void transfer(long id, long time, int from, int to, long amountFen, TransferChannel channel,
					int county) {
			}

			@Override
			public void call(long id, long time, long caller, long callee, int durationSeconds, boolean answered,
					int county, long imei) {
			}

			@Override
			public void sms(long id, long time, long sender, long receiver, int county) {
			}

			@Override
			public void caseReport(CaseReport report) {
				for (long phone : report.suspectPhones()) {
					named.merge(phone, report.reportTime(), Math::min);
				}
			}
		});
		for (Warning w : r.warningList()) {
			assertThat(w.source()).isIn(Source.CONFIRMED_NUMBER, Source.CONFIRMED_LOOKBACK);
			assertThat(named).containsKey(w.trigger());
			assertThat(w.at()).isGreaterThanOrEqualTo(named.get(w.trigger()));
			assertThat(w.gangTrigger()).isTrue();
		}
		// and without reports, only numbers the SIM monitor restricted warn
		Report flags = WarningsEvaluation.run(SILENT, Success.DEFAULTS, false, DEFAULT_SIM_RULES);
		assertThat(flags.warnings()).isPositive();
		assertThat(flags.warningList())
			.allMatch(w -> w.source() == Source.SUSPECTED_NUMBER || w.source() == Source.SUSPECTED_LOOKBACK);
	}

	@Test
	void preventedLossFollowsTheSuccessRates() {
		Report none = WarningsEvaluation.run(WORLD, new Success(0, 0, 0), true);
		Report some = WarningsEvaluation.run(WORLD, Success.DEFAULTS, true);
		Report all = WarningsEvaluation.run(WORLD, new Success(1, 1, 1), true);
		assertThat(none.preventedLossFen()).isZero();
		assertThat(none.preventedLossFenByDeadline()).isZero();
		assertThat(some.preventedLossFen()).isPositive().isLessThan(all.preventedLossFen());
		long warnedLoss = all.byFraudType().values().stream().mapToLong(TypeRow::preventedLossFen).sum();
		assertThat(all.preventedLossFen()).isEqualTo(warnedLoss).isLessThanOrEqualTo(all.lossFen());
		// the rates change what is prevented, not who is warned
		assertThat(all.warningList()).isEqualTo(none.warningList());
		assertThat(all.success()).isEqualTo(new Success(1, 1, 1));
	}

	@Test
	void successRatesOutsideZeroToOneAreRefused() {
		Assertions.assertThatThrownBy(() -> new Success(0.1, 1.2, 0.5)).isInstanceOf(IllegalArgumentException.class);
		Assertions.assertThatThrownBy(() -> new Success(Double.NaN, 0.2, 0.5))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(Success.DEFAULTS.of(Channel.VISIT)).isEqualTo(0.7);
	}

	@Test
	void jsonIsOneObjectWithTheFigures() {
		Run run = evaluate("warnings", "--preset", "tiny", "--seed", "3", "--success-visit", "0.5", "--json");
		assertThat(run.rc()).isZero();
		String json = run.out().strip();
		assertThat(json).startsWith("{").endsWith("}").doesNotContain("\n");
		for (String key : new String[] { "warnedBeforeFirstPayment", "medianLeadMinutes", "nonVictimShare",
				"preventedLossFen", "victimsWarnedAfterPaying", "warningsByChannel", "byFraudType", "successRates" }) {
			assertThat(json).contains("\"" + key + "\":");
		}
		assertThat(json).contains("\"visit\":0.5").contains("\"phoneCall\":");
		String text = evaluate("warnings", "--preset", "tiny", "--seed", "3").out();
		assertThat(text).contains("warned before their first payment")
			.contains("non-victims")
			.contains("expected loss prevented")
			.contains("by fraud type");
	}

	@Test
	void badOptionsExitTwoWithOneLine() {
		Run preset = evaluate("warnings", "--preset", "galactic");
		assertThat(preset.rc()).isEqualTo(2);
		assertThat(preset.err().strip()).startsWith("fanzha evaluate warnings: ")
			.contains("galactic")
			.doesNotContain("\n");
		Run rate = evaluate("warnings", "--preset", "tiny", "--success-sms", "1.5");
		assertThat(rate.rc()).isEqualTo(2);
		assertThat(rate.err().strip()).startsWith("fanzha evaluate warnings: ").contains("1.5").doesNotContain("\n");
		assertThat(evaluate("warnings", "--success-call", "often").rc()).isEqualTo(2);
	}

}
