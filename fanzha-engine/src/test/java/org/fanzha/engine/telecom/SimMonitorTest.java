package org.fanzha.engine.telecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimMonitorTest {

	/** 2026-03-01 08:00 China Standard Time. */
	static final long T0 = 1_772_323_200L;

	static final long DAY = 86_400;

	static final long XIAN = 610113;

	static double feature(SimMonitor m, String name) {
		return m.lastFeatures()[SimRuleSet.FEATURES.indexOf(name)];
	}

	/**
	 * A monitor with the default rules that knows one SIM, activated {@code ageDays}
	 * before T0.
	 */
	static SimMonitor monitorWith(long phone, int ageDays) {
		SimMonitor m = SimMonitor.withDefaultRules(1_024);
		m.activate(phone, T0 - ageDays * DAY);
		return m;
	}

	static List<String> reasonCodes(SimMonitor.Decision d) {
		return d.reasons().stream().map(SimMonitor.Reason::code).toList();
	}

	@Test
	void anOrdinaryPersonsCallsLeaveTheSimAlone() {
		long me = 13_912_345_678L;
		SimMonitor m = monitorWith(me, 2_000);
		long[] family = { 13_800_000_001L, 13_800_000_002L, 18_900_000_003L };
		for (int day = 0; day < 3; day++) {
			for (int k = 0; k < 4; k++) {
				SimMonitor.Verdict v = m.call(me, family[k % 3], T0 + day * DAY + k * 5_000, 95, true, 17,
						860_000_000_000_001L, k % 3 == 2 ? 610_102 : XIAN);
				assertThat(v.measure).isEqualTo(SimMeasure.NONE);
				assertThat(v.acted).isZero();
			}
			m.call(family[0], me, T0 + day * DAY + 30_000, 300, true, 17, 860_000_000_000_009L, XIAN);
		}
		assertThat(m.decision(me).measure()).isEqualTo(SimMeasure.NONE);
		assertThat(m.decision(me).reasons()).isEmpty();
	}

	@Test
	void aCourierCallingManyCustomersWhoAnswerAndCallBackIsNotRestricted() {
		long courier = 15_800_001_234L;
		SimMonitor m = monitorWith(courier, 900);
		for (int k = 0; k < 120; k++) {
			long customer = 13_000_000_000L + k * 7_919L;
			long t = T0 + k * 240;
			SimMonitor.Verdict v = m.call(courier, customer, t, 40, k % 5 != 0, 17, 860_000_000_000_002L,
					610_000 + k % 30);
			assertThat(v.measure.restricts()).as("call %d", k).isFalse();
			if (k % 3 == 0) {
				m.call(customer, courier, t + 120, 20, true, 18, 860_000_000_100_000L + k, XIAN);
			}
		}
		assertThat(feature(m, "sim.calls24h")).isEqualTo(120);
		assertThat(feature(m, "sim.calledBackShare24h")).isGreaterThan(0.3);
		assertThat(m.measureOf(courier)).isEqualTo(SimMeasure.NONE);
	}

	/** A new SIM calling strangers all over the province: most hang up. */
	static SimMonitor.Verdict scam(SimMonitor m, long sim, long imei, int calls, long start,
			List<SimMonitor.Verdict> escalations) {
		Random r = new Random(sim);
		SimMonitor.Verdict last = null;
		for (int k = 0; k < calls; k++) {
			long victim = 13_500_000_000L + r.nextInt(90_000_000);
			boolean answered = r.nextInt(100) < 30;
			last = m.call(sim, victim, start + k * 200 + r.nextInt(150), answered ? 12 : 0, answered, 610_113, imei,
					610_000 + r.nextInt(1_000) * 100);
			if (last.escalated) {
				escalations.add(copy(last));
			}
		}
		return last;
	}

	static SimMonitor.Verdict copy(SimMonitor.Verdict v) {
		SimMonitor.Verdict c = new SimMonitor.Verdict();
		c.phone = v.phone;
		c.measure = v.measure;
		c.escalated = v.escalated;
		c.acted = v.acted;
		return c;
	}

	@Test
	void aNewSimCallingStrangersAllOverIsRestrictedWithReasonsAndAppealDocuments() {
		long sim = 17_012_340_001L;
		SimMonitor m = monitorWith(sim, 20);
		List<SimMonitor.Verdict> escalations = new ArrayList<>();
		SimMonitor.Verdict v = scam(m, sim, 860_000_000_000_003L, 40, T0, escalations);
		assertThat(v.measure).isEqualTo(SimMeasure.RESTRICT_OUTGOING);
		assertThat(escalations).extracting(e -> e.measure).containsExactly(SimMeasure.RESTRICT_OUTGOING);
		SimMonitor.Decision d = m.decision(sim);
		assertThat(d.measure()).isEqualTo(SimMeasure.RESTRICT_OUTGOING);
		assertThat(d.sinceEpochSecond()).isBetween(T0, T0 + 40 * 200L);
		assertThat(reasonCodes(d)).contains("SPREAD_NEW");
		assertThat(d.reasons()).allSatisfy(r -> assertThat(r.text()).isNotBlank());
		assertThat(d.appealDocuments()).contains("本人有效身份证件原件", "营业厅现场实人核验");
		assertThat(d.appealChannel()).contains("第三十二条");
		assertThat(d.rulesVersion()).isEqualTo(1);
		assertThat(d.simBox()).isFalse();
	}

	@Test
	void aSimBoxIsSuspendedAndReportedWithEverySimSeenInIt() {
		SimMonitor m = SimMonitor.withDefaultRules(1_024);
		long box = 860_000_000_000_777L;
		long first = 17_100_010_000L;
		for (int k = 0; k < 12; k++) {
			m.activate(first + k, T0 - 10 * DAY);
		}
		Random r = new Random(5);
		List<Long> others = new ArrayList<>();
		int reportedAt = -1;
		long t = T0;
		// six sequential numbers in one handset, dialling in turn every 60 seconds
		for (int c = 0; c < 30 && reportedAt < 0; c++, t += 60) {
			SimMonitor.Verdict v = m.call(first + c % 6, 13_600_000_000L + r.nextInt(90_000_000), t, 0, false, 610_113,
					box, SimMonitor.UNKNOWN);
			for (int i = 0; i < v.others; i++) {
				others.add(v.other(i));
			}
			if (v.simBoxReported) {
				reportedAt = c;
				assertThat(v.measure).isEqualTo(SimMeasure.SUSPEND);
				assertThat(v.simBox).isTrue();
				assertThat(reasonCodes(m.decision(first + c % 6))).contains("BOX_SEQUENTIAL");
			}
		}
		assertThat(reportedAt).as("found when the 4th sequential SIM appears").isEqualTo(3);
		assertThat(others).containsExactlyInAnyOrder(first, first + 1, first + 2);
		assertThat(others).allSatisfy(o -> {
			assertThat(m.measureOf(o)).isEqualTo(SimMeasure.SUSPEND);
			assertThat(m.simBox(o)).isTrue();
			assertThat(reasonCodes(m.decision(o))).containsExactly(SimMonitor.SIM_BOX_MEMBER, "BOX_SEQUENTIAL");
		});
		// a SIM put into the box later is suspended at its first call
		long late = first + 11;
		SimMonitor.Verdict v = m.call(late, 13_600_000_001L, t + 600, 0, false, 610_113, box, SimMonitor.UNKNOWN);
		assertThat(v.measure).isEqualTo(SimMeasure.SUSPEND);
		assertThat(v.escalated).isTrue();
		assertThat(v.simBoxReported).isTrue();
		assertThat(m.decision(late).simBox()).isTrue();
		assertThat(m.decision(late).appealDocuments()).isEqualTo(SimMeasure.SUSPEND.appealDocuments());
	}

	@Test
	void machineRegularDiallingHasALowGapVariationAndPeopleDoNot() {
		SimMonitor m = SimMonitor.withDefaultRules(1_024);
		Random r = new Random(1);
		for (int k = 0; k < 40; k++) {
			m.call(17_000_000_001L, 13_000_000_000L + k, T0 + k * 55L + r.nextInt(2), 0, false, 1, 860_000_000_000_010L,
					1);
		}
		assertThat(feature(m, "sim.gapCv")).isLessThan(0.05);
		long t = T0;
		for (int k = 0; k < 40; k++) {
			t += (long) (-120 * Math.log(1 - r.nextDouble())) + 1;
			m.call(18_000_000_001L, 13_000_000_000L + k, t, 0, false, 1, 860_000_000_000_011L, 1);
		}
		assertThat(feature(m, "sim.gapCv")).isGreaterThan(0.5);
		m.call(18_000_000_002L, 13_000_000_000L, t, 0, false, 1, 860_000_000_000_012L, 1);
		assertThat(feature(m, "sim.gapCv")).as("unknown until 8 gaps are seen").isEqualTo(9);
	}

	@Test
	void aConfirmedNumberIsSuspendedAndTheOtherSimsOfItsHandsetAreRestricted() {
		SimMonitor m = SimMonitor.withDefaultRules(64);
		long handset = 860_000_000_000_020L;
		long a = 13_312_340_001L;
		long b = 15_312_340_002L;
		m.activate(a, T0 - 40 * DAY);
		m.activate(b, T0 - 40 * DAY);
		m.call(a, 13_000_000_001L, T0, 60, true, 3, handset, XIAN);
		m.call(b, 13_000_000_002L, T0 + 60, 60, true, 3, handset, XIAN);
		SimMonitor.Verdict v = m.confirm(a, T0 + 3_600);
		assertThat(v.measure).isEqualTo(SimMeasure.SUSPEND);
		assertThat(v.escalated).isTrue();
		assertThat(reasonCodes(m.decision(a))).containsExactly("CONFIRMED");
		v = m.call(b, 13_000_000_003L, T0 + 7_200, 60, true, 3, handset, XIAN);
		assertThat(v.measure).isEqualTo(SimMeasure.RESTRICT_OUTGOING);
		assertThat(reasonCodes(m.decision(b))).containsExactly("HANDSET_OF_CONFIRMED");
		// a person the confirmed number called is a potential victim: counted, not
		// restricted
		v = m.call(13_000_000_001L, 13_000_000_009L, T0 + 7_300, 60, true, 3, 860_000_000_000_021L, XIAN);
		m.call(a, 13_000_000_001L, T0 + 7_400, 30, true, 3, handset, XIAN);
		m.sms(13_000_000_001L, 13_000_000_008L, T0 + 7_500, 3, SimMonitor.UNKNOWN, SimMonitor.UNKNOWN);
		assertThat(feature(m, "sim.contactedByConfirmed24h")).isEqualTo(1);
		assertThat(m.measureOf(13_000_000_001L)).isEqualTo(SimMeasure.NONE);
	}

	static final String REVERIFY_RULES = """
			version 4
			rule BUSY: sim.calls24h >= 3 -> RE_VERIFY "外呼频繁"
			rule HUGE: sim.calls24h >= 50 -> SUSPEND "外呼量异常"
			shadow rule WATCH: sim.calls24h >= 2 -> RESTRICT_OUTGOING "观察"
			""";

	/**
	 * A monitor under {@link #REVERIFY_RULES} in which {@code sim} made three calls at
	 * T0, T0 + 60 and T0 + 120.
	 */
	static SimMonitor threeCalls(long sim) {
		SimMonitor m = new SimMonitor(SimRuleSet.parse(REVERIFY_RULES), 16);
		for (int k = 0; k < 3; k++) {
			m.call(sim, 13_000_000_000L + k, T0 + k * 60, 30, true, 1, SimMonitor.UNKNOWN, SimMonitor.UNKNOWN);
		}
		return m;
	}

	@Test
	void reVerificationNotDoneInTimeRestrictsTheSim() {
		SimMonitor m = new SimMonitor(SimRuleSet.parse(REVERIFY_RULES), 16);
		long sim = 13_900_000_001L;
		SimMonitor.Verdict v = null;
		for (int k = 0; k < 3; k++) {
			v = m.call(sim, 13_000_000_000L + k, T0 + k * 60, 30, true, 1, SimMonitor.UNKNOWN, SimMonitor.UNKNOWN);
		}
		assertThat(v.measure).isEqualTo(SimMeasure.RE_VERIFY);
		assertThat(v.escalated).isTrue();
		assertThat(v.matched).as("the shadow rule matched too").isEqualTo(0b101);
		assertThat(v.acted).isEqualTo(0b001);
		SimMonitor.Decision d = m.decision(sim);
		assertThat(d.reverifyByEpochSecond()).isEqualTo(T0 + 120 + DAY);
		assertThat(d.appealDocuments()).isEqualTo(SimMeasure.RE_VERIFY.appealDocuments());
		// still within the deadline: nothing changes
		v = m.call(sim, 13_000_000_100L, T0 + 120 + DAY, 30, true, 1, SimMonitor.UNKNOWN, SimMonitor.UNKNOWN);
		assertThat(v.measure).isEqualTo(SimMeasure.RE_VERIFY);
		assertThat(v.escalated).isFalse();
		// a second after it
		v = m.call(sim, 13_000_000_101L, T0 + 121 + DAY, 30, true, 1, SimMonitor.UNKNOWN, SimMonitor.UNKNOWN);
		assertThat(v.measure).isEqualTo(SimMeasure.RESTRICT_OUTGOING);
		assertThat(v.escalated).isTrue();
		assertThat(reasonCodes(m.decision(sim))).containsExactly(SimMonitor.REVERIFY_OVERDUE, "BUSY");
	}

	@Test
	void passingReVerificationLiftsTheMeasureAndGivesGraceButNotAgainstSuspensionRules() {
		long sim = 13_900_000_002L;
		SimMonitor m = threeCalls(sim);
		assertThat(m.measureOf(sim)).isEqualTo(SimMeasure.RE_VERIFY);
		m.reverified(sim, T0 + 600);
		assertThat(m.measureOf(sim)).isEqualTo(SimMeasure.NONE);
		assertThat(m.decision(sim).reasons()).isEmpty();
		SimMonitor.Verdict v = null;
		for (int k = 3; k < 49; k++) {
			v = m.call(sim, 13_000_000_000L + k, T0 + 600 + k * 60, 30, true, 1, SimMonitor.UNKNOWN,
					SimMonitor.UNKNOWN);
			assertThat(v.measure).isEqualTo(SimMeasure.NONE);
			assertThat(v.matched & 1).as("matched, but graced").isEqualTo(1);
		}
		v = m.call(sim, 13_000_000_999L, T0 + 9_000, 30, true, 1, SimMonitor.UNKNOWN, SimMonitor.UNKNOWN);
		assertThat(v.measure).as("the 50th call: a SUSPEND rule acts in the grace period")
			.isEqualTo(SimMeasure.SUSPEND);
		// after the grace period the lower rules act again
		long other = 13_900_000_003L;
		for (int k = 0; k < 3; k++) {
			m.call(other, 13_000_000_000L + k, T0 + k * 60, 30, true, 1, SimMonitor.UNKNOWN, SimMonitor.UNKNOWN);
		}
		m.reverified(other, T0 + 600);
		long later = T0 + 600 + 7 * DAY;
		for (int k = 2; k >= 0; k--) {
			v = m.call(other, 13_000_000_000L + k, later - k, 30, true, 1, SimMonitor.UNKNOWN, SimMonitor.UNKNOWN);
		}
		assertThat(v.measure).as("on the last second of the grace period").isEqualTo(SimMeasure.NONE);
		v = m.call(other, 13_000_000_005L, later + 1, 30, true, 1, SimMonitor.UNKNOWN, SimMonitor.UNKNOWN);
		assertThat(v.measure).isEqualTo(SimMeasure.RE_VERIFY);
	}

	@Test
	void failedReVerificationSuspendsAndAVerifiedAppealLiftsEverything() {
		SimMonitor m = SimMonitor.withDefaultRules(16);
		long sim = 13_900_000_004L;
		SimMonitor.Verdict v = m.reverificationFailed(sim, T0);
		assertThat(v.measure).isEqualTo(SimMeasure.SUSPEND);
		assertThat(v.escalated).isTrue();
		assertThat(reasonCodes(m.decision(sim))).containsExactly(SimMonitor.REVERIFY_FAILED);
		m.confirm(sim, T0 + 10);
		assertThat(reasonCodes(m.decision(sim))).containsExactly(SimMonitor.REVERIFY_FAILED, "CONFIRMED");
		m.lift(sim, T0 + 100);
		assertThat(m.measureOf(sim)).isEqualTo(SimMeasure.NONE);
		v = m.call(sim, 13_000_000_001L, T0 + 200, 60, true, 1, SimMonitor.UNKNOWN, SimMonitor.UNKNOWN);
		assertThat(v.measure).as("the confirmation was withdrawn with the appeal").isEqualTo(SimMeasure.NONE);
		assertThat(feature(m, "sim.confirmed")).isZero();
	}

	@ParameterizedTest(name = "read {0} s after the first call: {1} in the hour, {2} in the day")
	@CsvSource({ "0, 1, 1", "2700, 1, 1", "3600, 0, 1", "64800, 0, 1", "86400, 0, 0" })
	void windowsForgetOldCalls(long after, int hour, int day) {
		SimMonitor m = new SimMonitor(SimRuleSet.parse(REVERIFY_RULES), 16);
		long sim = 13_900_000_005L;
		// T0 is on a bucket boundary of both windows
		m.call(sim, 13_000_000_001L, T0, 60, true, 1, SimMonitor.UNKNOWN, SimMonitor.UNKNOWN);
		m.sms(sim, 13_000_000_002L, T0 + after, 1, SimMonitor.UNKNOWN, SimMonitor.UNKNOWN);
		assertThat(feature(m, "sim.calls1h")).isEqualTo(hour);
		assertThat(feature(m, "sim.calls24h")).isEqualTo(day);
		assertThat(feature(m, "sim.sms1h")).isEqualTo(1);
	}

	@Test
	void sharesCountsAndSketchesDescribeTheCallsMade() {
		long sim = 13_900_000_006L;
		SimMonitor m = monitorWith(sim, 10);
		for (int k = 0; k < 20; k++) {
			// 20 callees in 10 regions, from 2 cells and 2 handsets; half answered, 4 of
			// those short
			m.call(sim, 13_000_000_000L + k, T0 + k * 600, k < 4 ? 10 : 100, k % 2 == 0, k % 2,
					860_000_000_000_100L + k / 10, 610_000 + k % 10);
		}
		assertThat(feature(m, "sim.ageDays")).isCloseTo(10 + 19 * 600 / 86_400.0, within(1e-9));
		assertThat(feature(m, "sim.calls24h")).isEqualTo(20);
		assertThat(feature(m, "sim.distinctCallees24h")).isCloseTo(20, within(2.0));
		assertThat(feature(m, "sim.calleeRegions24h")).isCloseTo(10, within(1.5));
		assertThat(feature(m, "sim.cells24h")).isCloseTo(2, within(0.5));
		assertThat(feature(m, "sim.answeredShare24h")).isEqualTo(0.5);
		assertThat(feature(m, "sim.shortShare24h")).isEqualTo(2 / 10.0);
		assertThat(feature(m, "sim.imeiChanges24h")).isEqualTo(1);
		assertThat(feature(m, "sim.activeHours24h")).isEqualTo(4);
		assertThat(feature(m, "device.sims")).isEqualTo(1);
		assertThat(feature(m, "hour")).isEqualTo(11);
	}

	@Test
	void newSimsAreCountedOncePerCellAndDay() {
		SimMonitor m = SimMonitor.withDefaultRules(64);
		for (int k = 0; k < 5; k++) {
			m.activate(13_700_000_000L + k, T0 - 3 * DAY);
			m.call(13_700_000_000L + k, 13_000_000_001L, T0 + k, 60, true, 42, SimMonitor.UNKNOWN, XIAN);
			m.call(13_700_000_000L + k, 13_000_000_002L, T0 + 100 + k, 60, true, 42, SimMonitor.UNKNOWN, XIAN);
		}
		m.activate(13_800_000_000L, T0 - 300 * DAY);
		m.call(13_800_000_000L, 13_000_000_001L, T0 + 200, 60, true, 42, SimMonitor.UNKNOWN, XIAN);
		assertThat(feature(m, "cell.newSimsToday")).as("5 new SIMs, the old one not counted").isEqualTo(5);
		m.call(13_800_000_000L, 13_000_000_001L, T0 + DAY, 60, true, 42, SimMonitor.UNKNOWN, XIAN);
		assertThat(feature(m, "cell.newSimsToday")).as("a new day").isZero();
	}

	@Test
	void newRulesKeepTheStateAndTheReasonsOfMeasuresInForce() {
		long sim = 13_900_000_007L;
		SimMonitor m = threeCalls(sim);
		SimMonitor v2 = m
			.withRules(SimRuleSet.parse("version 5\nrule FOURTH: sim.calls24h >= 4 -> RESTRICT_OUTGOING \"第四次\"\n"));
		assertThat(v2.decision(sim).reasons()).extracting(SimMonitor.Reason::code).containsExactly("BUSY");
		assertThat(v2.decision(sim).rulesVersion()).isEqualTo(4);
		SimMonitor.Verdict v = v2.call(sim, 13_000_000_010L, T0 + 300, 30, true, 1, SimMonitor.UNKNOWN,
				SimMonitor.UNKNOWN);
		assertThat(v.measure).isEqualTo(SimMeasure.RESTRICT_OUTGOING);
		assertThat(reasonCodes(v2.decision(sim))).containsExactly("FOURTH");
		assertThat(v2.decision(sim).rulesVersion()).isEqualTo(5);
	}

	@Test
	void simRulesNameTheirMistakes() {
		assertThatThrownBy(() -> SimRuleSet.parse("version 1\nrule X: sim.shoeSize > 3 -> SUSPEND \"x\""))
			.hasMessageContaining("line 2")
			.hasMessageContaining("unknown feature sim.shoeSize");
		assertThatThrownBy(() -> SimRuleSet.parse("version 1\nrule X: sim.calls1h > 3 -> BLOCK \"x\""))
			.hasMessageContaining("line 2")
			.hasMessageContaining("unknown measure BLOCK");
		assertThatThrownBy(() -> SimRuleSet.parse("version 1\nrule X: sim.calls1h > 3 -> SUSPEND 24h \"x\""))
			.hasMessageContaining("no duration");
		assertThatThrownBy(() -> SimRuleSet.parse("version 1\nrule X: sim.calls1h > 3 -> SUSPEND LOUDLY \"x\""))
			.hasMessageContaining("only SIM_BOX");
		SimRuleSet rules = SimRuleSet.parse("version 2\nrule B: device.sims >= 8 -> NONE SIM_BOX \"只报告\"\n");
		assertThat(rules.rules().get(0).simBox()).isTrue();
		assertThat(rules.rules().get(0).measure()).isEqualTo(SimMeasure.NONE);
		assertThat(SimRuleSet.parse(SimMonitor.DEFAULT_RULES).rules()).extracting(SimRuleSet.Rule::id)
			.contains("CONFIRMED", "BOX_DEVICE", "SPREAD_NEW");
	}

	@Test
	void aReportOnlyRuleMarksASimBoxWithoutAMeasure() {
		SimMonitor m = new SimMonitor(SimRuleSet.parse("version 2\nrule B: device.sims >= 3 -> NONE SIM_BOX \"只报告\"\n"),
				16);
		long imei = 860_000_000_000_300L;
		SimMonitor.Verdict v = null;
		for (int k = 0; k < 3; k++) {
			v = m.call(17_000_000_100L + k, 13_000_000_000L, T0 + k, 10, true, 1, imei, SimMonitor.UNKNOWN);
		}
		assertThat(v.simBoxReported).isTrue();
		assertThat(v.measure).isEqualTo(SimMeasure.NONE);
		assertThat(m.simBox(17_000_000_102L)).isTrue();
		assertThat(m.simBox(17_000_000_100L)).as("the others in the handset").isTrue();
	}

	@Test
	void scoringAllocatesNothingPerEventOnceTheTablesHaveGrown() {
		ThreadMXBean bean = ManagementFactory.getThreadMXBean();
		if (!(bean instanceof com.sun.management.ThreadMXBean threads) || !threads.isThreadAllocatedMemorySupported()) { // style:fqn
			return;
		}
		SimMonitor m = SimMonitor.withDefaultRules(4_096);
		Random r = new Random(3);
		long[] phones = new long[2_000];
		for (int i = 0; i < phones.length; i++) {
			phones[i] = 13_000_000_000L + i * 7_919L;
			m.activate(phones[i], T0 - r.nextInt(1_000) * DAY);
		}
		long t = T0;
		for (int round = 0; round < 2; round++) {
			long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
			for (int k = 0; k < 200_000; k++) {
				t += r.nextInt(3);
				long a = phones[r.nextInt(phones.length)];
				long b = phones[r.nextInt(phones.length)];
				if (k % 5 == 0) {
					m.sms(a, b, t, k % 40, SimMonitor.UNKNOWN, SimMonitor.UNKNOWN);
				}
				else {
					m.call(a, b, t, r.nextInt(300), r.nextBoolean(), k % 40, 860_000_000_000_000L + (a & 1_023),
							k % 97);
				}
			}
			long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
			if (round == 1) {
				assertThat(allocated).as("bytes allocated by 200,000 events").isLessThan(20_000);
			}
		}
	}

}
