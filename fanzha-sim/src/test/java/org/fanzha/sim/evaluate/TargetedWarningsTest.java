package org.fanzha.sim.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fanzha.engine.telecom.SimMonitor;
import org.fanzha.engine.telecom.SimRuleSet;
import org.fanzha.engine.warnings.Grade;
import org.fanzha.engine.warnings.ScriptCallWatch;
import org.fanzha.sim.evaluate.WarningsEvaluation.Feed;
import org.fanzha.sim.evaluate.WarningsEvaluation.Options;
import org.fanzha.sim.evaluate.WarningsEvaluation.Report;
import org.fanzha.sim.evaluate.WarningsEvaluation.Source;
import org.fanzha.sim.evaluate.WarningsEvaluation.Success;
import org.fanzha.sim.evaluate.WarningsEvaluation.Warning;
import org.fanzha.sim.world.CaseReport;
import org.fanzha.sim.world.EventSink;
import org.fanzha.sim.world.Population;
import org.fanzha.sim.world.SimConfig;
import org.fanzha.sim.world.TransferChannel;
import org.fanzha.sim.world.World;
import org.junit.jupiter.api.Test;

/**
 * The feeds of the targeted policy (issue 18 item 4): each fires from what was observable
 * before its warning — records and reports — and never from the ground truth.
 */
class TargetedWarningsTest {

	static final SimConfig WORLD = SimConfig.preset("tiny", 4).withSize(20_000, 2).withFraud(8, 3_000);

	static final SimRuleSet SIM_RULES = SimRuleSet.parse(SimMonitor.DEFAULT_RULES);

	static Report only(SimConfig config, Feed feed) {
		return WarningsEvaluation.run(config, Success.DEFAULTS, new Options(EnumSet.of(feed), Grade.MEDIUM, false),
				SIM_RULES);
	}

	/** What the world emitted, as the operator's and platform's records would show it. */
	static final class Records implements EventSink {

		final Map<String, Long> namedAt = new HashMap<>();

		final List<Object[]> exposures = new ArrayList<>();

		final List<long[]> longCalls = new ArrayList<>();

		final List<long[]> transfers = new ArrayList<>();

		@Override
		public void transfer(long id, long time, int from, int to, long amountFen, TransferChannel channel,
				int county) {
			transfers.add(new long[] { time, from, to });
		}

		@Override
		public void call(long id, long time, long caller, long callee, int d, boolean answered, int county, long imei) {
			if (answered && d >= ScriptCallWatch.DEFAULT_SCRIPT_SECONDS) {
				longCalls.add(new long[] { time, caller, callee });
			}
		}

		@Override
		public void sms(long id, long time, long sender, long receiver, int county) {
		}

		@Override
		public void caseReport(CaseReport r) {
			if (r.suspectAppOrUrl() != null) {
				namedAt.putIfAbsent(r.suspectAppOrUrl(), r.reportTime());
			}
			if (r.suspectIm() != null) {
				namedAt.putIfAbsent(r.suspectIm(), r.reportTime());
			}
		}

		@Override
		public void exposure(long time, int person, String identifier, int gang) {
			exposures.add(new Object[] { time, person, identifier });
		}

	}

	static Records records(SimConfig config) {
		Records r = new Records();
		PlatformLoop.simulate(new World(config), r);
		return r;
	}

	@Test
	void exposureWarnsOnlyThoseDrawnIntoWhatAReportHadNamed() {
		Report r = only(WORLD, Feed.EXPOSURE);
		Records rec = records(WORLD);
		List<Warning> ws = r.warningList().stream().filter(w -> w.source() == Source.EXPOSURE).toList();
		assertThat(ws).isNotEmpty();
		assertThat(r.victimsWarnedBefore()).as("victims reached before paying").isPositive();
		for (Warning w : ws) {
			// the person was drawn into an identifier named by a report, both by the time
			// of the warning
			assertThat(rec.exposures).as("exposure behind %s", w)
				.anyMatch(x -> (Integer) x[1] == w.person() && (Long) x[0] <= w.at()
						&& rec.namedAt.getOrDefault((String) x[2], Long.MAX_VALUE) <= w.at());
		}
		// it cannot tell victims from the others drawn in: both are warned
		assertThat(r.nonVictimWarnings()).isPositive();
	}

	@Test
	void aScriptCallWarnsThePersonWhoStayedOnTheLine() {
		SimConfig reacting = WORLD.withWorld("reacting");
		Report r = only(reacting, Feed.SCRIPT_CALLS);
		Records rec = records(reacting);
		World world = new World(reacting);
		SimRegister register = SimRegister.of(world);
		List<Warning> ws = r.warningList().stream().filter(w -> w.source() == Source.SCRIPT_CALL).toList();
		assertThat(ws).isNotEmpty();
		for (Warning w : ws) {
			assertThat(rec.longCalls).as("a long call behind %s", w)
				.anyMatch(c -> c[0] <= w.at() && c[1] == w.trigger()
						&& world.population.simHolder(register.indexOf(c[2])) == w.person());
			assertThat(w.blockedContact()).isFalse();
		}
	}

	@Test
	void aCreditFromAFlaggedAccountWarnsItsReceiverAtTheCredit() {
		Report r = only(WORLD, Feed.FLAGGED_CREDIT);
		Records rec = records(WORLD);
		Population pop = new World(WORLD).population;
		List<Warning> ws = r.warningList().stream().filter(w -> w.source() == Source.FLAGGED_CREDIT).toList();
		assertThat(ws).isNotEmpty();
		for (Warning w : ws) {
			assertThat(rec.transfers).as("the credit behind %s", w)
				.anyMatch(t -> t[0] == w.at() && t[1] == w.trigger() && pop.holderPerson((int) t[2]) == w.person());
			// flagged before: some earlier transfer into the paying account
			assertThat(rec.transfers).anyMatch(t -> t[0] <= w.at() && t[2] == w.trigger());
		}
	}

	@Test
	void theTargetedPolicySendsNoSingleContactSmsAndIsDeterministic() {
		Report r = WarningsEvaluation.run(WORLD.withWorld("reacting"), Success.DEFAULTS, Options.TARGETED, SIM_RULES);
		assertThat(r.warningList()).allSatisfy(w -> assertThat(w.grade()).isGreaterThanOrEqualTo(Grade.MEDIUM));
		assertThat(r.warningList()).noneMatch(Warning::blockedContact);
		assertThat(r.victimsWarnedThrough()).isEqualTo(r.victimsWarnedBefore());
		assertThat(WarningsEvaluation.run(WORLD.withWorld("reacting"), Success.DEFAULTS, Options.TARGETED, SIM_RULES)
			.warningList()).isEqualTo(r.warningList());
		Report broad = WarningsEvaluation.run(WORLD.withWorld("reacting"), Success.DEFAULTS, Options.BROAD, SIM_RULES);
		assertThat(r.warnings()).isLessThan(broad.warnings());
	}

}
