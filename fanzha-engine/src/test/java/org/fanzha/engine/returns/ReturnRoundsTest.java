package org.fanzha.engine.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.fanzha.engine.returns.ReturnAllocator.Basis;
import org.fanzha.engine.returns.ReturnAllocator.Deposit;
import org.fanzha.engine.returns.ReturnRounds.Claim;
import org.fanzha.engine.returns.ReturnRounds.Plan;
import org.junit.jupiter.api.Test;

class ReturnRoundsTest {

	private static Claim traced(String id, long loss, long returned, long traced) {
		return new Claim(id, loss, returned, traced, null);
	}

	@Test
	void oneDepositOfOneVictimGoesBackDirectlyWithoutNotice() {
		Plan p = ReturnRounds.plan(8_000, List.of(new Deposit("T1", 10_000, new long[] { 10_000 })), null,
				List.of(traced("C1", 10_000, 0, 10_000)));
		assertThat(p.basis()).isEqualTo(Basis.SINGLE_DEPOSIT);
		assertThat(p.returnFen()).containsExactly(8_000);
		assertThat(p.remainderFen()).isZero();
		assertThat(p.noticeRequired()).isFalse();
		assertThat(p.ineligible()).isEmpty();
	}

	@Test
	void depositsEachOfOneVictimGoBackDirectlyWithoutNotice() {
		List<Deposit> deposits = List.of(new Deposit("T1", 3_000, new long[] { 3_000, 0 }),
				new Deposit("T2", 7_000, new long[] { 0, 7_000 }));
		Plan p = ReturnRounds.plan(9_000, deposits, new long[] { 2_500, 6_000 },
				List.of(traced("C1", 3_000, 0, 3_000), traced("C2", 7_000, 0, 7_000)));
		assertThat(p.basis()).isEqualTo(Basis.TIMESTAMPS);
		assertThat(p.returnFen()).containsExactly(2_500, 6_000);
		assertThat(p.remainderFen()).isEqualTo(500);
		assertThat(p.noticeRequired()).isFalse();
	}

	@Test
	void mixedMoneyIsSharedProRataWithTheNotice() {
		Plan p = ReturnRounds.plan(5_000, List.of(new Deposit("T1", 10_000, new long[] { 6_000, 4_000 })), null,
				List.of(traced("C1", 6_000, 0, 6_000), traced("C2", 4_000, 0, 4_000)));
		assertThat(p.basis()).isEqualTo(Basis.PRO_RATA);
		assertThat(p.returnFen()).containsExactly(3_000, 2_000);
		assertThat(p.totalFen()).isEqualTo(5_000);
		assertThat(p.remainderFen()).isZero();
		assertThat(p.noticeRequired()).isTrue();
	}

	@Test
	void aRoundOverNothingOpensNoNotice() {
		List<Deposit> mixed = List.of(new Deposit("T1", 10_000, new long[] { 6_000, 4_000 }));
		Plan empty = ReturnRounds.plan(0, mixed, null,
				List.of(traced("C1", 6_000, 0, 6_000), traced("C2", 4_000, 0, 4_000)));
		assertThat(empty.basis()).isEqualTo(Basis.PRO_RATA);
		assertThat(empty.returnFen()).containsExactly(0, 0);
		assertThat(empty.remainderFen()).isZero();
		assertThat(empty.noticeRequired()).isFalse();

		// everyone already repaid (the second one "over-repaid" by the other freezes'
		// records: clamped to the loss)
		Plan repaid = ReturnRounds.plan(7_000, mixed, null,
				List.of(traced("C1", 6_000, 6_000, 6_000), traced("C2", 4_000, 9_999, 4_000)));
		assertThat(repaid.returnFen()).containsExactly(0, 0);
		assertThat(repaid.remainderFen()).isEqualTo(7_000);
		assertThat(repaid.noticeRequired()).isFalse();
	}

	@Test
	void victimsWhoseMoneyNeverReachedTheAccountGetNothingAndAreListed() {
		Plan p = ReturnRounds.plan(6_000, List.of(new Deposit("T1", 10_000, new long[] { 6_000, 0, 4_000 })), null,
				List.of(traced("C1", 6_000, 0, 6_000), traced("C2", 50_000, 0, 0), traced("C3", 4_000, 0, 4_000)));
		assertThat(p.returnFen()).containsExactly(3_600, 0, 2_400);
		assertThat(p.ineligible()).containsExactly("C2");
		assertThat(p.noticeRequired()).isTrue();
	}

	@Test
	void nobodyEligibleLeavesEverythingFrozen() {
		Plan p = ReturnRounds.plan(6_000, List.of(), null,
				List.of(traced("C1", 6_000, 0, 0), traced("C2", 4_000, 0, 0)));
		assertThat(p.returnFen()).containsExactly(0, 0);
		assertThat(p.remainderFen()).isEqualTo(6_000);
		assertThat(p.noticeRequired()).isFalse();
		assertThat(p.ineligible()).containsExactly("C1", "C2");

		Plan none = ReturnRounds.plan(6_000, List.of(), null, List.of());
		assertThat(none.returnFen()).isEmpty();
		assertThat(none.remainderFen()).isEqualTo(6_000);
		assertThat(none.noticeRequired()).isFalse();
	}

	@Test
	void aVictimAddedByAnOfficerSharesAndMakesTheMoneyMixed() {
		// the deposits alone would send each victim's money back directly, but the added
		// victim's money is not in
		// them: the money can no longer be told apart, so it is shared pro rata with the
		// notice
		List<Deposit> deposits = List.of(new Deposit("T1", 3_000, new long[] { 3_000, 0, 0 }),
				new Deposit("T2", 7_000, new long[] { 0, 7_000, 0 }));
		Plan p = ReturnRounds.plan(10_000, deposits, new long[] { 3_000, 7_000, 0 },
				List.of(traced("C1", 3_000, 0, 3_000), traced("C2", 7_000, 0, 7_000),
						new Claim("C3", 10_000, 0, 0, "paid in cash at the counter, receipt on file")));
		assertThat(p.basis()).isEqualTo(Basis.PRO_RATA);
		assertThat(p.returnFen()).containsExactly(1_500, 3_500, 5_000);
		assertThat(p.ineligible()).isEmpty();
		assertThat(p.noticeRequired()).isTrue();
	}

	@Test
	void whatOtherFreezesReturnedCapsTheVictim() {
		// C1 lost 6,000,000 and 5,000,000 came back from another freeze: at most
		// 1,000,000 here; the excess of
		// their pro-rata share goes to C2, and what no one may take stays frozen
		Plan p = ReturnRounds.plan(10_000_000,
				List.of(new Deposit("T1", 10_000_000, new long[] { 6_000_000, 4_000_000 })), null,
				List.of(traced("C1", 6_000_000, 5_000_000, 6_000_000), traced("C2", 4_000_000, 0, 4_000_000)));
		assertThat(p.returnFen()).containsExactly(1_000_000, 4_000_000);
		assertThat(p.remainderFen()).isEqualTo(5_000_000);

		Plan single = ReturnRounds.plan(6_000_000, List.of(new Deposit("T1", 6_000_000, new long[] { 6_000_000 })),
				null, List.of(traced("C1", 6_000_000, 5_000_000, 6_000_000)));
		assertThat(single.basis()).isEqualTo(Basis.SINGLE_DEPOSIT);
		assertThat(single.returnFen()).containsExactly(1_000_000);
		assertThat(single.remainderFen()).isEqualTo(5_000_000);
	}

	@Test
	void theOddFenGoByVictimIdNotByListPosition() {
		Deposit abc = new Deposit("T1", 300, new long[] { 100, 100, 100 });
		Plan p = ReturnRounds.plan(100, List.of(abc), null,
				List.of(traced("C2", 100, 0, 100), traced("C3", 100, 0, 100), traced("C1", 100, 0, 100)));
		assertThat(p.returnFen()).containsExactly(33, 33, 34);
		Plan q = ReturnRounds.plan(100, List.of(abc), null,
				List.of(traced("C3", 100, 0, 100), traced("C1", 100, 0, 100), traced("C2", 100, 0, 100)));
		assertThat(q.returnFen()).containsExactly(33, 34, 33);
	}

	@Test
	void badInputIsRefusedNamingTheProblem() {
		List<Claim> one = List.of(traced("C1", 1_000, 0, 1_000));
		assertThatThrownBy(() -> ReturnRounds.plan(-1, List.of(), null, one)).hasMessageContaining("available")
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> traced("C1", 0, 0, 0)).hasMessageContaining("loss must be > 0");
		assertThatThrownBy(() -> traced("C1", 1, -1, 0)).hasMessageContaining("returned must be >= 0");
		assertThatThrownBy(() -> traced("C1", 1, 0, -1)).hasMessageContaining("traced must be >= 0");
		assertThatThrownBy(() -> new Claim("C1", 1, 0, 0, " ")).hasMessageContaining("written reason");
		assertThatThrownBy(() -> new Claim(" ", 1, 0, 0, null)).hasMessageContaining("victim's id");
		assertThatThrownBy(() -> ReturnRounds.plan(10, List.of(), null,
				List.of(traced("C1", 1_000, 0, 1), traced("C1", 2_000, 0, 1))))
			.hasMessageContaining("C1 is claimed twice");
		assertThatThrownBy(() -> ReturnRounds.plan(10, List.of(), new long[] { 1, 2 }, one))
			.hasMessageContaining("heldPerVictim has 2 entries for 1 claims");
		assertThatThrownBy(() -> ReturnRounds.plan(10, List.of(), new long[] { -1 }, one))
			.hasMessageContaining("held money");
		assertThatThrownBy(() -> ReturnRounds.plan(10, List.of(new Deposit("T1", 5, new long[] { 5, 0 })), null, one))
			.hasMessageContaining("deposit T1 attributes to 2 victims for 1 claims");
		assertThatThrownBy(() -> ReturnRounds.plan(10, List.of(new Deposit("T1", 5, new long[] { -5 })), null, one))
			.hasMessageContaining("must be >= 0");
		assertThatThrownBy(() -> ReturnRounds.plan(10, List.of(new Deposit("T1", -5, new long[] { 0 })), null, one))
			.hasMessageContaining("amount must be >= 0");
		assertThatThrownBy(() -> ReturnRounds.plan(10, List.of(new Deposit("T1", 5, new long[] { 6 })), null, one))
			.hasMessageContaining("more to victims than its amount");
	}

}
