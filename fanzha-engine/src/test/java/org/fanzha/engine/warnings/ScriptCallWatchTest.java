package org.fanzha.engine.warnings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.fanzha.engine.telecom.SimRuleSet;
import org.junit.jupiter.api.Test;

class ScriptCallWatchTest {

	final ScriptCallWatch watch = new ScriptCallWatch();

	/** A feature vector with the named features set, the others 0. */
	static double[] features(Object... nameValue) {
		double[] f = new double[SimRuleSet.FEATURES.size()];
		for (int i = 0; i < nameValue.length; i += 2) {
			f[SimRuleSet.FEATURES.indexOf((String) nameValue[i])] = ((Number) nameValue[i + 1]).doubleValue();
		}
		return f;
	}

	static final double[] FRESH_COLD_CALLER = features("sim.ageDays", 3, "sim.calls24h", 12, "sim.distinctCallees24h",
			12, "sim.answeredShare24h", 0.35, "sim.calledBackShare24h", 0, "sim.calls1h", 3, "sim.shortShare24h", 0.4);

	static final double[] PERSON = features("sim.ageDays", 900, "sim.calls24h", 3, "sim.distinctCallees24h", 3,
			"sim.answeredShare24h", 0.85, "sim.calledBackShare24h", 0.3, "sim.calls1h", 1);

	@Test
	void aLongAnsweredCallFromAColdCallerIsAScriptCall() {
		assertThat(watch.scriptCall(FRESH_COLD_CALLER, 600)).isTrue();
		assertThat(watch.scriptCall(FRESH_COLD_CALLER, 59)).as("a hang-up is no script").isFalse();
		assertThat(watch.scriptCall(PERSON, 600)).as("a person calling a friend").isFalse();
	}

	@Test
	void aBusyNumberThatPeopleAnswerAndCallBackIsNoColdCaller() {
		double[] courier = features("sim.ageDays", 30, "sim.calls24h", 40, "sim.distinctCallees24h", 35,
				"sim.answeredShare24h", 0.9, "sim.calledBackShare24h", 0.2, "sim.calls1h", 4, "sim.shortShare24h", 0.3);
		assertThat(watch.coldCaller(courier)).isFalse();
	}

	@Test
	void watchRulesOnlyReport() {
		assertThatThrownBy(() -> new ScriptCallWatch(
				SimRuleSet.parse("version 1\nrule X: sim.calls1h >= 1 -> RESTRICT_OUTGOING \"限制\"\n"), 60))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> watch.coldCaller(new double[3])).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void theNewSignalsGradeMedium() {
		Instant t = Instant.parse("2026-03-01T10:00:00Z");
		WarningGrader grader = new WarningGrader();
		for (WarningGrader.Signal s : List.of(WarningGrader.Signal.scriptCall(300, t),
				WarningGrader.Signal.of(WarningGrader.SignalKind.EXPOSED_TO_REPORTED, t, null),
				WarningGrader.Signal.of(WarningGrader.SignalKind.CREDIT_FROM_FLAGGED, t, null))) {
			WarningGrader.Result r = grader.grade(List.of(s), t);
			assertThat(r.grade()).isEqualTo(Grade.MEDIUM);
			assertThat(r.channel()).isEqualTo(Channel.PHONE_CALL);
		}
	}

}
