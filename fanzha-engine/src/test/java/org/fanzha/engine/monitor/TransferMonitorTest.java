package org.fanzha.engine.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class TransferMonitorTest {

	static final long T0 = 1_772_323_200L;

	static final int VICTIM = 0;

	static final int MULE = 1;

	static final int NEXT = 2;

	static final int SHOP = 3;

	@Test
	void aPaymentIntoAConfirmedAccountIsFrozenAndMoneyLeavingItIsDelayed() {
		TransferMonitor m = TransferMonitor.withDefaultRules(8);
		assertThat(m.decide(VICTIM, MULE, 500_000, T0).action).isEqualTo(Action.ALLOW);
		m.confirm(MULE, T0 + 3_600); // the victim reports
		RuleEngine.Verdict v = m.decide(4, MULE, 300_000, T0 + 4_000);
		assertThat(v.action).isEqualTo(Action.PROTECTIVE_FREEZE);
		assertThat(ruleIds(m, v.acted)).containsExactly("TO_CONFIRMED");
		v = m.decide(MULE, NEXT, 200_000, T0 + 4_100);
		assertThat(v.action).isEqualTo(Action.DELAY);
		assertThat(v.holdSeconds).isEqualTo(24 * 3_600);
		assertThat(ruleIds(m, v.matched)).contains("FROM_CONFIRMED");
		// small amounts (a bus fare from a rented account) pass
		assertThat(m.decide(MULE, SHOP, 500, T0 + 4_200).action).isEqualTo(Action.ALLOW);
		// lifted after a verified appeal: payments go through again
		m.lift(MULE);
		assertThat(m.decide(5, MULE, 300_000, T0 + 90_000).action).isNotEqualTo(Action.PROTECTIVE_FREEZE);
	}

	@Test
	void aPayerContactedByAFlaggedNumberIsWarnedBeforeAPaymentNotBeforeSmallChange() {
		TransferMonitor m = TransferMonitor.withDefaultRules(8);
		m.contactedByFlagged(VICTIM, T0);
		RuleEngine.Verdict v = m.decide(VICTIM, MULE, 100_000, T0 + 1_800);
		assertThat(v.action).isEqualTo(Action.WARN_PAYER);
		assertThat(ruleIds(m, v.acted)).containsExactly("VICTIM_CONTACTED");
		assertThat(m.decide(VICTIM, SHOP, 2_000, T0 + 1_900).action).isEqualTo(Action.ALLOW);
		// three days later the warning no longer applies
		assertThat(m.decide(VICTIM, MULE, 100_000, T0 + 3 * 86_400 + 60).action).isEqualTo(Action.ALLOW);
	}

	@Test
	void anAccountTheMonitorFlaggedIsWatchedOnTheWayOut() {
		TransferMonitor m = TransferMonitor.withDefaultRules(16);
		// three new payers within the hour, money passed straight on: FAN_IN
		m.decide(10, MULE, 300_000, T0);
		m.decide(MULE, NEXT, 290_000, T0 + 60);
		m.decide(11, MULE, 300_000, T0 + 120);
		m.decide(MULE, NEXT, 290_000, T0 + 150);
		RuleEngine.Verdict v = m.decide(12, MULE, 300_000, T0 + 180);
		assertThat(v.action).isEqualTo(Action.DELAY);
		assertThat(ruleIds(m, v.matched)).contains("FAN_IN");
		v = m.decide(MULE, 13, 280_000, T0 + 240);
		assertThat(v.action).isEqualTo(Action.DELAY);
		assertThat(ruleIds(m, v.matched)).contains("FLAGGED_OUT");
		assertThat(m.lastFeatures()[RuleSet.FEATURES.indexOf("payer.flagged")]).isEqualTo(1.0);
	}

	@Test
	void manyAccountsOnOneDeviceAreReviewed() {
		TransferMonitor m = TransferMonitor.withDefaultRules(16);
		long phone = SharedDevices.key("IMEI-861234567890123");
		for (int a = 0; a < 4; a++) {
			assertThat(m.decide(a, 15, 10_000, T0 + a, phone).action).isEqualTo(Action.ALLOW);
		}
		RuleEngine.Verdict v = m.decide(4, 15, 10_000, T0 + 5, phone);
		assertThat(v.action).isEqualTo(Action.REVIEW);
		assertThat(ruleIds(m, v.acted)).containsExactly("SHARED_DEVICE");
	}

	@Test
	void aModelScoreFeedsTheRulesThatNameIt() {
		RuleSet rules = RuleSet.parse("version 7\nrule M: model >= 0.5 -> DELAY 2h \"模型\"\n");
		double[] seen = new double[1];
		TransferMonitor m = new TransferMonitor(rules, 4, x -> {
			seen[0] = x[RuleSet.FEATURES.indexOf("model")];
			return x[0] >= 100_000 ? 0.9 : 0.1;
		});
		assertThat(m.decide(0, 1, 1_000, T0).action).isEqualTo(Action.ALLOW);
		RuleEngine.Verdict v = m.decide(0, 1, 200_000, T0 + 1);
		assertThat(v.action).isEqualTo(Action.DELAY);
		assertThat(v.holdSeconds).isEqualTo(7_200);
		assertThat(seen[0]).as("the model sees its own slot as 0, as in training").isZero();
		assertThat(m.lastFeatures()[RuleSet.FEATURES.indexOf("model")]).isEqualTo(0.9);
	}

	@Test
	void aNewRuleVersionKeepsTheAccountsStateAndStartsTheGuardAfresh() {
		TransferMonitor m = TransferMonitor.withDefaultRules(8);
		m.decide(0, 1, 300_000, T0);
		m.decide(2, 1, 300_000, T0 + 60);
		TransferMonitor v2 = m
			.withRules(RuleSet.parse("version 9\nrule TWO: payee.countIn1h >= 3 -> REVIEW \"第三笔\"\n"));
		assertThat(v2.engine().rules().version()).isEqualTo(9);
		RuleEngine.Verdict v = v2.decide(3, 1, 300_000, T0 + 120);
		assertThat(v.action).as("the window remembers the two earlier payments").isEqualTo(Action.REVIEW);
		assertThat(v2.engine().alarm()).isFalse();
		assertThatThrownBy(() -> RuleSet.parse("version 3\nrule X: payee.unknown >= 1 -> REVIEW \"x\"\n"))
			.hasMessageContaining("line 2")
			.hasMessageContaining("unknown feature payee.unknown");
	}

	@Test
	void decidingAllocatesNothing() {
		TransferMonitor m = TransferMonitor.withDefaultRules(1 << 12);
		ThreadMXBean bean = ManagementFactory.getThreadMXBean();
		if (!(bean instanceof com.sun.management.ThreadMXBean sun) || !sun.isThreadAllocatedMemoryEnabled()) { // style:fqn
			return;
		}
		for (int i = 0; i < 20_000; i++) { // warm up and grow the tables
			m.decide(i & 1023, (i * 7) & 1023, 10_000 + i, T0 + i, i & 63);
		}
		long before = sun.getThreadAllocatedBytes(Thread.currentThread().getId());
		for (int i = 0; i < 100_000; i++) {
			m.decide(i & 1023, (i * 7) & 1023, 10_000 + i, T0 + 20_000 + i, i & 63);
		}
		long allocated = sun.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
		assertThat(allocated).as("bytes allocated by 100,000 decisions").isLessThan(10_000);
	}

	static List<String> ruleIds(TransferMonitor m, long bits) {
		List<String> ids = new ArrayList<>();
		for (int r = 0; r < m.engine().rules().rules().size(); r++) {
			if ((bits & (1L << r)) != 0) {
				ids.add(m.engine().rules().rules().get(r).id());
			}
		}
		return ids;
	}

}
