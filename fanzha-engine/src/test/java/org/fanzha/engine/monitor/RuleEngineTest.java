package org.fanzha.engine.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RuleEngineTest {

	static final String RULES = """
			# rules of the 2026-11 review
			version 3
			rule FAN_IN: payee.newPayersToday >= 5 and payee.countIn1h >= 5 -> DELAY 24h "多名新付款人短时间内转入"
			rule QUICK_OUT: payee.passThrough24h >= 0.9 and payee.dwellMinutes <= 30 or amount >= 4999000 -> REVIEW "快进快出"
			shadow rule NIGHT: hour < 6 and amount >= 500000 -> WARN_PAYER "夜间大额转账"
			""";

	static double[] features(double amount, double hour, double newPayers, double countIn1h, double passThrough,
			double dwellMinutes) {
		double[] f = new double[RuleSet.FEATURES.size()];
		f[RuleSet.FEATURES.indexOf("amount")] = amount;
		f[RuleSet.FEATURES.indexOf("hour")] = hour;
		f[RuleSet.FEATURES.indexOf("payee.newPayersToday")] = newPayers;
		f[RuleSet.FEATURES.indexOf("payee.countIn1h")] = countIn1h;
		f[RuleSet.FEATURES.indexOf("payee.passThrough24h")] = passThrough;
		f[RuleSet.FEATURES.indexOf("payee.dwellMinutes")] = dwellMinutes;
		return f;
	}

	@Test
	void parsesVersionRulesActionsHoldsAndShadows() {
		RuleSet set = RuleSet.parse(RULES);
		assertThat(set.version()).isEqualTo(3);
		assertThat(set.rules()).extracting(RuleSet.Rule::id).containsExactly("FAN_IN", "QUICK_OUT", "NIGHT");
		assertThat(set.rules().get(0).action()).isEqualTo(Action.DELAY);
		assertThat(set.rules().get(0).holdSeconds()).isEqualTo(86_400);
		assertThat(set.rules().get(2).shadow()).isTrue();
		assertThat(set.rules().get(1).reason()).isEqualTo("快进快出");
	}

	@Test
	void theMostSevereActiveRuleDecidesAndEveryMatchIsReported() {
		RuleEngine engine = new RuleEngine(RuleSet.parse(RULES), 1.0, 100);
		RuleEngine.Verdict v = new RuleEngine.Verdict();
		engine.score(features(600_000, 3, 6, 7, 0.95, 10), v);
		assertThat(v.action).isEqualTo(Action.DELAY);
		assertThat(v.holdSeconds).isEqualTo(86_400);
		assertThat(v.matched).isEqualTo(0b111);
		assertThat(v.acted).isEqualTo(0b001);
		// the or-branch alone
		engine.score(features(4_999_000, 12, 0, 0, 0, 999), v);
		assertThat(v.action).isEqualTo(Action.REVIEW);
		// a shadow rule never acts
		engine.score(features(600_000, 3, 0, 0, 0, 999), v);
		assertThat(v.action).isEqualTo(Action.ALLOW);
		assertThat(v.matched).isEqualTo(0b100);
		engine.score(features(100, 12, 0, 0, 0, 999), v);
		assertThat(v.action).isEqualTo(Action.ALLOW);
		assertThat(v.matched).isZero();
	}

	@Test
	void theGuardShadowsARuleThatBlocksTooMuch() {
		RuleEngine engine = new RuleEngine(RuleSet.parse("""
				version 1
				rule TOO_BROAD: amount >= 1 -> DELAY 2h "bad threshold"
				rule NARROW: amount >= 1000000 -> REVIEW "large"
				"""), 0.02, 100);
		RuleEngine.Verdict v = new RuleEngine.Verdict();
		for (int i = 0; i < 100; i++) {
			engine.score(features(100 + i, 12, 0, 0, 0, 0), v);
		}
		assertThat(engine.alarm()).isTrue();
		assertThat(engine.guarded("TOO_BROAD")).isTrue();
		assertThat(engine.guarded("NARROW")).isFalse();
		engine.score(features(100, 12, 0, 0, 0, 0), v);
		assertThat(v.action).isEqualTo(Action.ALLOW);
		assertThat(v.matched).isEqualTo(0b01);
		engine.score(features(2_000_000, 12, 0, 0, 0, 0), v);
		assertThat(v.action).isEqualTo(Action.REVIEW);
	}

	@Test
	void aRunawayRuleIsShadowedWithinAShortBlockButABurstUnderHalfIsNot() {
		RuleEngine engine = new RuleEngine(RuleSet.parse("""
				version 1
				rule RUNAWAY: amount >= 1 -> DELAY 2h "matches everyone"
				rule BURST: hour < 6 -> REVIEW "a night burst"
				"""), 0.05, 100_000);
		RuleEngine.Verdict v = new RuleEngine.Verdict();
		for (int i = 0; i < RuleEngine.RUNAWAY_BLOCK - 1; i++) {
			// the burst: 40 % of the short block
			engine.score(features(100, i % 5 < 2 ? 3 : 12, 0, 0, 0, 0), v);
		}
		assertThat(engine.alarm()).as("not before the short block is complete").isFalse();
		engine.score(features(100, 12, 0, 0, 0, 0), v);
		assertThat(engine.alarm()).isTrue();
		assertThat(engine.guarded("RUNAWAY")).isTrue();
		assertThat(engine.guarded("BURST")).as("under half of the short block, and the long block is not over")
			.isFalse();
	}

	@Test
	void oneScopesRunawayTrafficShadowsTheRuleForThatScopeOnly() {
		RuleEngine engine = new RuleEngine(RuleSet.parse("""
				version 1
				rule NIGHT: hour < 6 -> DELAY 2h "a night payment"
				"""), 0.05, 100_000);
		RuleEngine.Verdict v = new RuleEngine.Verdict();
		for (int i = 0; i < RuleEngine.RUNAWAY_BLOCK; i++) {
			engine.score(features(100, 3, 0, 0, 0, 0), v, 7); // bank 7 sends only night
																// payments
			engine.score(features(100, i % 100 == 0 ? 3 : 12, 0, 0, 0, 0), v, 2); // bank
																					// 2:
																					// one
																					// in
																					// a
																					// hundred
		}
		assertThat(engine.guarded("NIGHT", 7)).isTrue();
		assertThat(engine.alarm(7)).isTrue();
		assertThat(engine.guarded("NIGHT", 2)).isFalse();
		assertThat(engine.alarm(2)).isFalse();
		engine.score(features(100, 3, 0, 0, 0, 0), v, 2);
		assertThat(v.action).as("bank 2's night payment is still delayed").isEqualTo(Action.DELAY);
		engine.score(features(100, 3, 0, 0, 0, 0), v, 7);
		assertThat(v.action).as("bank 7's runaway rule is in shadow for bank 7").isEqualTo(Action.ALLOW);
		assertThat(v.matched).isEqualTo(1L);
	}

	@Test
	void mistakesNameTheLine() {
		assertThatThrownBy(() -> RuleSet.parse("version 1\nrule X: payee.shoeSize > 3 -> REVIEW \"x\""))
			.hasMessageContaining("line 2")
			.hasMessageContaining("unknown feature payee.shoeSize");
		assertThatThrownBy(() -> RuleSet.parse("version 1\nrule X: amount > 3 -> DELAY \"x\""))
			.hasMessageContaining("line 2")
			.hasMessageContaining("DELAY needs its duration");
		assertThatThrownBy(() -> RuleSet.parse("version 1\nrule X: amount > 3 -> BLOCK_ALL \"x\""))
			.hasMessageContaining("unknown action BLOCK_ALL");
		assertThatThrownBy(() -> RuleSet.parse("rule X: amount > 3 -> REVIEW \"x\"")).hasMessageContaining("version");
		assertThatThrownBy(() -> RuleSet
			.parse("version 1\nrule X: amount > 3 -> REVIEW \"x\"\nrule X: amount > 4 -> REVIEW \"y\""))
			.hasMessageContaining("line 3")
			.hasMessageContaining("defined twice");
		assertThatThrownBy(() -> RuleSet.parse("version 1\nrule X: amount >> 3 -> REVIEW \"x\""))
			.hasMessageContaining("cannot read the comparison");
	}

}
