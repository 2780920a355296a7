package org.fanzha.engine.cardcutting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;

import org.fanzha.core.RegionCode;
import org.fanzha.engine.cardcutting.DisciplinaryListing.Decider;
import org.fanzha.engine.cardcutting.DisciplinaryListing.Durations;
import org.fanzha.engine.cardcutting.DisciplinaryListing.Measure;
import org.fanzha.engine.cardcutting.DisciplinaryListing.Status;
import org.junit.jupiter.api.Test;

class DisciplinaryListingTest {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	/** 2026-11-28 10:00 in Xi'an. */
	static final Instant T0 = Instant.parse("2026-11-28T02:00:00Z");

	static final String ID = "11010519491231002X";

	static final Decider XIAN_CENTRE = new Decider("centre", true, RegionCode.of("610100"));

	static final Decider PROVINCE_CENTRE = new Decider("province", true, RegionCode.of("610000"));

	static final Decider COUNTY_STATION = new Decider("station", true, RegionCode.of("610113"));

	static final List<String> DOCS = List.of("本人有效身份证件", "情况说明");

	static DisciplinaryListing proposed() {
		return DisciplinaryListing.propose(ID, List.of("名下账户被监测为跑分账户"), T0);
	}

	static DisciplinaryListing notified() {
		DisciplinaryListing l = proposed();
		l.decide(XIAN_CENTRE, EnumSet.allOf(Measure.class), Durations.DEFAULTS, CHINA, T0.plusSeconds(60));
		l.notify("西安市公安局反诈中心（96110）", DOCS, Period.ofDays(60), CHINA, T0.plusSeconds(120));
		return l;
	}

	@Test
	void onlyThePoliceOfAPrefectureOrProvinceDecide() {
		assertThat(XIAN_CENTRE.mayDecide()).isTrue();
		assertThat(PROVINCE_CENTRE.mayDecide()).isTrue();
		assertThat(COUNTY_STATION.mayDecide()).isFalse();
		assertThat(new Decider("bank", false, RegionCode.of("610000")).mayDecide()).isFalse();
		DisciplinaryListing l = proposed();
		assertThatThrownBy(() -> l.decide(COUNTY_STATION, EnumSet.of(Measure.SIM_LIMIT), Durations.DEFAULTS, CHINA, T0))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("prefecture-level");
		assertThat(l.status()).isEqualTo(Status.PROPOSED);
		l.decide(PROVINCE_CENTRE, EnumSet.of(Measure.SIM_LIMIT), Durations.DEFAULTS, CHINA, T0);
		assertThat(l.status()).isEqualTo(Status.DECIDED);
		assertThat(l.snapshot().decidingUnit()).isEqualTo("610000");
	}

	@Test
	void eachMeasureLastsItsOwnDurationAndExpiresOnItsOwn() {
		DisciplinaryListing l = proposed();
		Instant decided = T0;
		l.decide(XIAN_CENTRE, EnumSet.allOf(Measure.class), Durations.DEFAULTS, CHINA, decided);
		Instant threeYears = decided.atZone(CHINA).plusYears(3).toInstant();
		Instant fiveYears = decided.atZone(CHINA).plusYears(5).toInstant();
		assertThat(l.measuresInForce(decided)).containsOnlyKeys(Measure.values());
		assertThat(l.measuresInForce(decided).get(Measure.NON_COUNTER_BUSINESS_STOPPED)).isEqualTo(fiveYears);
		// one second before three years: all three; at three years: only non-counter
		// business
		assertThat(l.measuresInForce(threeYears.minusSeconds(1))).hasSize(3);
		assertThat(l.measuresInForce(threeYears)).containsOnlyKeys(Measure.NON_COUNTER_BUSINESS_STOPPED);
		l.notify("96110", DOCS, Period.ofDays(60), CHINA, decided.plusSeconds(1));
		assertThat(l.expireIfDue(fiveYears.minusSeconds(1))).isFalse();
		assertThat(l.status()).isEqualTo(Status.NOTIFIED);
		assertThat(l.expireIfDue(fiveYears)).isTrue();
		assertThat(l.status()).isEqualTo(Status.EXPIRED);
		assertThat(l.measuresInForce(fiveYears)).isEmpty();
	}

	@Test
	void durationsAreConfigurable() {
		DisciplinaryListing l = proposed();
		l.decide(XIAN_CENTRE, EnumSet.of(Measure.NO_NEW_ACCOUNTS),
				new Durations(Period.ofYears(1), Period.ofMonths(6), Period.ofYears(2)), CHINA, T0);
		assertThat(l.measuresInForce(T0).get(Measure.NO_NEW_ACCOUNTS))
			.isEqualTo(T0.atZone(CHINA).plusMonths(6).toInstant());
		assertThatThrownBy(() -> new Durations(Period.ZERO, Period.ofYears(1), Period.ofYears(1)))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void theNoticeStatesReasonChannelDocumentsAndDeadline() {
		DisciplinaryListing l = notified();
		DisciplinaryListing.Notice n = l.notice();
		assertThat(n.reason()).contains("跑分账户");
		assertThat(n.appealDeadline()).isEqualTo(T0.plusSeconds(120).atZone(CHINA).plusDays(60).toInstant());
		assertThat(n.text()).contains("第三十一条")
			.contains("跑分账户")
			.contains("停止非柜面业务")
			.contains("限制入网")
			.contains("西安市公安局反诈中心（96110）")
			.contains("本人有效身份证件、情况说明")
			.contains("2027-01-27")
			.contains("即时解除");
		assertThatThrownBy(() -> proposed().notify("96110", DOCS, Period.ofDays(60), CHINA, T0))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("PROPOSED");
	}

	@Test
	void aVerifiedAppealLiftsEveryMeasureAtOnce() {
		DisciplinaryListing l = notified();
		Instant appealed = T0.plus(Duration.ofDays(10));
		l.appeal("卡已挂失，系被盗用", List.of("挂失证明"), appealed);
		assertThat(l.status()).isEqualTo(Status.APPEALED);
		// measures stay in force while the appeal is checked
		assertThat(l.measuresInForce(appealed.plusSeconds(1))).hasSize(3);
		Instant lifted = appealed.plus(Duration.ofHours(3));
		l.lift("centre", "核查属实", lifted);
		assertThat(l.status()).isEqualTo(Status.LIFTED);
		assertThat(l.measuresInForce(lifted)).isEmpty();
		assertThat(l.snapshot().until()).allSatisfy((m, u) -> assertThat(u).isEqualTo(lifted));
		assertThat(l.snapshot().closedBy()).isEqualTo("centre");
		assertThatThrownBy(() -> l.lift("centre", null, lifted)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("LIFTED");
		// after lifting, the credit record can still be repaired
		l.repairCredit("centre", "信用修复", lifted.plusSeconds(60));
		assertThat(l.status()).isEqualTo(Status.CREDIT_REPAIRED);
	}

	@Test
	void aRejectedAppealKeepsTheMeasuresAndMayBeFollowedByAnotherBeforeTheDeadline() {
		DisciplinaryListing l = notified();
		Instant deadline = l.notice().appealDeadline();
		l.appeal("不知情", List.of("情况说明"), T0.plus(Duration.ofDays(1)));
		assertThatThrownBy(() -> l.rejectAppeal("centre", " ", T0.plus(Duration.ofDays(2))))
			.isInstanceOf(IllegalArgumentException.class);
		l.rejectAppeal("centre", "交易记录显示本人操作", T0.plus(Duration.ofDays(2)));
		assertThat(l.status()).isEqualTo(Status.NOTIFIED);
		assertThat(l.snapshot().appealsRejected()).isEqualTo(1);
		assertThat(l.measuresInForce(T0.plus(Duration.ofDays(2)))).hasSize(3);
		// exactly at the deadline an appeal is accepted, one second after it is not
		DisciplinaryListing late = notified();
		assertThatThrownBy(() -> late.appeal("补充材料", DOCS, late.notice().appealDeadline().plusSeconds(1)))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("deadline");
		l.appeal("补充材料", DOCS, deadline);
		assertThat(l.status()).isEqualTo(Status.APPEALED);
	}

	@Test
	void illegalTransitionsSayWhatTheStateIs() {
		DisciplinaryListing p = proposed();
		assertThatThrownBy(() -> p.appeal("x", DOCS, T0)).isInstanceOf(IllegalStateException.class)
			.hasMessage("cannot appeal a listing that is PROPOSED (only when NOTIFIED)");
		assertThatThrownBy(() -> p.lift("centre", null, T0)).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> p.repairCredit("centre", "x", T0)).isInstanceOf(IllegalStateException.class);
		p.dismiss(XIAN_CENTRE, "证据不足", T0);
		assertThat(p.status()).isEqualTo(Status.DISMISSED);
		assertThat(p.measuresInForce(T0)).isEmpty();
		assertThatThrownBy(() -> p.decide(XIAN_CENTRE, EnumSet.of(Measure.SIM_LIMIT), Durations.DEFAULTS, CHINA, T0))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("DISMISSED");
		DisciplinaryListing n = notified();
		assertThatThrownBy(() -> n.rejectAppeal("centre", "x", T0)).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> n.dismiss(XIAN_CENTRE, "x", T0)).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> n.appeal("x", List.of(), T0)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void noAppealOnceEveryMeasureHasRunOut() {
		DisciplinaryListing l = proposed();
		l.decide(XIAN_CENTRE, EnumSet.of(Measure.SIM_LIMIT),
				new Durations(Period.ofYears(5), Period.ofYears(3), Period.ofDays(30)), CHINA, T0);
		l.notify("96110", DOCS, Period.ofDays(60), CHINA, T0);
		assertThatThrownBy(() -> l.appeal("x", DOCS, T0.plus(Duration.ofDays(31))))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("nothing to appeal");
	}

	@Test
	void creditRepairEndsMeasuresStillRunning() {
		DisciplinaryListing l = notified();
		Instant at = T0.plus(Duration.ofDays(400));
		l.repairCredit("province", "表现良好，申请信用修复", at);
		assertThat(l.status()).isEqualTo(Status.CREDIT_REPAIRED);
		assertThat(l.measuresInForce(at)).isEmpty();
		assertThat(l.snapshot().closeNote()).isEqualTo("表现良好，申请信用修复");
	}

	@Test
	void aSnapshotRestoresTheSameListing() {
		DisciplinaryListing l = notified();
		l.appeal("不知情", DOCS, T0.plus(Duration.ofDays(1)));
		DisciplinaryListing back = DisciplinaryListing.restore(l.snapshot());
		assertThat(back.snapshot()).isEqualTo(l.snapshot());
		back.lift("centre", "ok", T0.plus(Duration.ofDays(2)));
		assertThat(back.status()).isEqualTo(Status.LIFTED);
	}

	@Test
	void badInputIsRefused() {
		assertThatThrownBy(() -> DisciplinaryListing.propose("110105194912310021", List.of("x"), T0))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> DisciplinaryListing.propose(ID, List.of(), T0))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(
				() -> proposed().decide(XIAN_CENTRE, EnumSet.noneOf(Measure.class), Durations.DEFAULTS, CHINA, T0))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Decider("x", true, null)).isInstanceOf(IllegalArgumentException.class);
	}

}
