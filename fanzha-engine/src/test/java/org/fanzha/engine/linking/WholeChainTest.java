package org.fanzha.engine.linking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.fanzha.engine.linking.FraudAmountThresholds.AmountLevel;
import org.fanzha.engine.linking.WholeChain.Act;
import org.fanzha.engine.linking.WholeChain.CaseLoss;
import org.fanzha.engine.linking.WholeChain.Role;
import org.fanzha.engine.linking.WholeChain.SuspectFacts;
import org.junit.jupiter.api.Test;

class WholeChainTest {

	static final Instant T0 = Instant.parse("2026-03-01T02:00:00Z");

	static Instant day(int d) {
		return T0.plusSeconds(86_400L * d);
	}

	final List<CaseLoss> cases = List.of(new CaseLoss(1, 2_000_000, day(0)), new CaseLoss(2, 1_500_000, day(1)),
			new CaseLoss(3, 100_000, day(2)));

	final List<Act> acts = List.of(new Act("张三", Role.CALLER, 0, 1, 0, day(0), "通话记录 17012345678"),
			new Act("张三", Role.CALLER, 0, 2, 0, day(1), "通话记录 17012345678"),
			new Act("李四", Role.CALLER, 0, 3, 0, day(2), "聊天记录"),
			new Act("王五", Role.SIM_SELLER, 0, -1, 20_000, day(-30), "开卡记录 代理商 A-1"),
			new Act("赵六", Role.CARD_SELLER, 0, -1, 150_000, day(-20), "银行卡 6222…0001"),
			new Act("钱七", Role.MULE, 1, 1, 2_000_000, day(0), "流水 6222…0001"),
			new Act("钱七", Role.MULE, 1, 2, 1_500_000, day(1), "流水 6222…0001"),
			new Act("孙八", Role.MULE, 2, 1, 3_400_000, day(1), "流水 6217…0042"),
			new Act("周九", Role.CASH_OUT, 0, 2, 21_000_000, day(2), "ATM 取现录像"),
			new Act("吴十", Role.TECHNICAL_HELP, 0, -1, 500_000, day(-60), "服务器租用合同"));

	@Test
	void rolesComeInChainOrderWithAmountsAndEvidence() {
		WholeChain.View v = new WholeChain().of(cases, acts, Map.of());
		assertThat(v.cases()).isEqualTo(3);
		assertThat(v.lossFen()).isEqualTo(3_600_000);
		assertThat(v.roles()).extracting(WholeChain.RoleLine::label)
			.containsExactly("技术支持", "贩卖手机卡", "贩卖银行卡", "话务（实施诈骗）", "跑分/取款车手（第1级）", "跑分/取款车手（第2级）", "取现/洗白");
		WholeChain.RoleLine callers = v.roles().get(3);
		assertThat(callers.suspects()).containsExactly("张三", "李四");
		assertThat(callers.acts()).isEqualTo(3);
		assertThat(callers.evidence()).containsExactly("通话记录 17012345678", "聊天记录");
		WholeChain.RoleLine level1 = v.roles().get(4);
		assertThat(level1.amountFen()).isEqualTo(3_500_000);
		assertThat(level1.suspects()).containsExactly("钱七");
	}

	@Test
	void callersAreAssessedOnTheLossesOfTheirCases() {
		WholeChain.View v = new WholeChain().of(cases, acts, Map.of());
		WholeChain.Suspect zhang = v.suspect("张三");
		assertThat(zhang.cases()).containsExactly(1L, 2L);
		assertThat(zhang.fraud().accumulatedFen()).isEqualTo(3_500_000);
		assertThat(zhang.fraud().level()).isEqualTo(AmountLevel.HUGE);
		assertThat(zhang.helping()).as("a caller is not a helper").isNull();
		WholeChain.Suspect li = v.suspect("李四");
		assertThat(li.fraud().level()).isEqualTo(AmountLevel.NONE);
	}

	@Test
	void helpersAreAssessedUnderTheHelpingThresholds() {
		WholeChain.View v = new WholeChain().of(cases, acts,
				Map.of("周九", new SuspectFacts(null, -1, 0, 0, 0, 0, false, false), "赵六",
						new SuspectFacts(null, -1, 0, 0, 5, 0, false, null), "王五",
						new SuspectFacts(null, -1, 0, 0, 0, 19, false, null)));
		// cash-out of ¥210,000 with the helped crime unproven: below 5 × ¥200,000
		WholeChain.Suspect zhou = v.suspect("周九");
		assertThat(zhou.amountFen()).isEqualTo(21_000_000);
		assertThat(zhou.helping().serious()).isFalse();
		// a level-1 mule moving ¥35,000 for one gang: no threshold, though the fraud
		// amount is huge
		WholeChain.Suspect qian = v.suspect("钱七");
		assertThat(qian.helping().serious()).isFalse();
		assertThat(qian.fraud().level()).isEqualTo(AmountLevel.HUGE);
		// the card seller: 5 cards meets Opinion (II)
		assertThat(v.suspect("赵六").helping().has("BANK_CARDS")).isTrue();
		// the SIM seller: 19 given, one act counted at least: 19 < 20
		assertThat(v.suspect("王五").helping().serious()).isFalse();
		WholeChain.View v2 = new WholeChain().of(cases, acts,
				Map.of("周九", new SuspectFacts(null, -1, 0, 0, 0, 0, false, true)));
		assertThat(v2.suspect("周九").helping().has("SETTLEMENT")).as("¥210,000 >= ¥200,000, crime established").isTrue();
	}

	@Test
	void attemptCountsReachTheCallers() {
		WholeChain.View v = new WholeChain().of(cases, acts, Map.of("李四",
				new SuspectFacts(new FraudAmountThresholds.Attempts(0, 500, 0), -1, 0, 0, 0, 0, false, null)));
		assertThat(v.suspect("李四").fraud().attempted()).isEqualTo(FraudAmountThresholds.Circumstances.SERIOUS);
	}

	@Test
	void badInputIsRejected() {
		WholeChain w = new WholeChain();
		assertThatThrownBy(() -> new Act("x", Role.MULE, 0, 1, 0, T0, "")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Act("x", Role.CALLER, 1, 1, 0, T0, ""))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> w.of(cases, List.of(new Act("x", Role.CALLER, 0, 99, 0, T0, "")), null))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> w.of(cases, acts, Map.of("nobody", SuspectFacts.NONE)))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> w.of(List.of(cases.get(0), cases.get(0)), acts, null))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
