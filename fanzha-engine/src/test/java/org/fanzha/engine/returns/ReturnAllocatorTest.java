package org.fanzha.engine.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.fanzha.engine.returns.ReturnAllocator.Allocation;
import org.fanzha.engine.returns.ReturnAllocator.Basis;
import org.fanzha.engine.returns.ReturnAllocator.Deposit;
import org.fanzha.engine.returns.ReturnAllocator.Victim;
import org.junit.jupiter.api.Test;

class ReturnAllocatorTest {

	@Test
	void oneDepositOfOneVictimGoesBackToThatVictim() {
		Allocation a = ReturnAllocator.allocate(8_000, List.of(new Deposit("T1", 10_000, new long[] { 10_000, 0 })),
				null, List.of(new Victim("V1", 10_000, 0), new Victim("V2", 5_000, 0)));
		assertThat(a.basis()).isEqualTo(Basis.SINGLE_DEPOSIT);
		assertThat(a.returnFen()).containsExactly(8_000, 0);
		assertThat(a.remainderFen()).isZero();
	}

	@Test
	void depositsTracedToOneVictimEachGoBackDirectly() {
		List<Deposit> deposits = List.of(new Deposit("T1", 3_000, new long[] { 3_000, 0 }),
				new Deposit("T2", 7_000, new long[] { 0, 7_000 }));
		Allocation a = ReturnAllocator.allocate(9_000, deposits, new long[] { 2_500, 6_000 },
				List.of(new Victim("V1", 3_000, 0), new Victim("V2", 7_000, 0)));
		assertThat(a.basis()).isEqualTo(Basis.TIMESTAMPS);
		assertThat(a.returnFen()).containsExactly(2_500, 6_000);
		assertThat(a.remainderFen()).isEqualTo(500);
	}

	@Test
	void mixedMoneyIsSharedProRataToTheFen() {
		// three victims lost 10,000 / 20,000 / 30,001 fen; 10,000 fen are frozen
		// exact shares 1,666.64 / 3,333.28 / 5,000.08 -> floors 1,666 / 3,333 / 5,000 =
		// 9,999; the odd fen goes to
		// the largest remainder (0.64)
		List<Deposit> deposits = List.of(new Deposit("T1", 60_001, new long[] { 10_000, 20_000, 30_001 }));
		Allocation a = ReturnAllocator.allocate(10_000, deposits, null,
				List.of(new Victim("V1", 10_000, 0), new Victim("V2", 20_000, 0), new Victim("V3", 30_001, 0)));
		assertThat(a.basis()).isEqualTo(Basis.PRO_RATA);
		assertThat(a.returnFen()).containsExactly(1_667, 3_333, 5_000);
		assertThat(a.totalFen()).isEqualTo(10_000);
		assertThat(a.remainderFen()).isZero();
	}

	@Test
	void noVictimGetsMoreThanStillOwedAndTheRestStaysFrozen() {
		List<Deposit> deposits = List.of(new Deposit("T1", 5_000, new long[] { 2_000, 3_000 }));
		Allocation a = ReturnAllocator.allocate(50_000, deposits, null,
				List.of(new Victim("V1", 2_000, 500), new Victim("V2", 3_000, 0)));
		assertThat(a.returnFen()).containsExactly(1_500, 3_000);
		assertThat(a.remainderFen()).isEqualTo(45_500);
	}

	@Test
	void aNewlyFoundVictimStartsANewRound() {
		List<Victim> first = List.of(new Victim("V1", 6_000, 0), new Victim("V2", 4_000, 0));
		Deposit mixed = new Deposit("T1", 10_000, new long[] { 6_000, 4_000 });
		Allocation round1 = ReturnAllocator.allocate(5_000, List.of(mixed), null, first);
		assertThat(round1.returnFen()).containsExactly(3_000, 2_000);
		// V3 comes forward; the remainder (0 here) plus newly frozen 3,000 is shared with
		// everyone's outstanding loss
		List<Victim> second = List.of(new Victim("V1", 6_000, 3_000), new Victim("V2", 4_000, 2_000),
				new Victim("V3", 10_000, 0));
		Allocation round2 = ReturnAllocator.allocate(3_000,
				List.of(new Deposit("T1", 10_000, new long[] { 6_000, 4_000, 0 }),
						new Deposit("T9", 10_000, new long[] { 0, 0, 10_000 })),
				null, second);
		assertThat(round2.basis()).isEqualTo(Basis.PRO_RATA);
		assertThat(round2.returnFen()).containsExactly(900, 600, 1_500);
	}

	@Test
	void sharesDoNotDependOnTheOrderTheVictimsAreListedIn() {
		// equal losses: the odd fen goes to the lowest victim id, wherever it stands in
		// the list
		Allocation ab = ReturnAllocator.allocate(101, List.of(new Deposit("T1", 200, new long[] { 100, 100 })), null,
				List.of(new Victim("V1", 100, 0), new Victim("V2", 100, 0)));
		Allocation ba = ReturnAllocator.allocate(101, List.of(new Deposit("T1", 200, new long[] { 100, 100 })), null,
				List.of(new Victim("V2", 100, 0), new Victim("V1", 100, 0)));
		assertThat(ab.returnFen()).containsExactly(51, 50);
		assertThat(ba.returnFen()).containsExactly(50, 51);
	}

	@Test
	void anAccountHoldingLessThanTheTracedMoneySharesItByThoseAmountsNotByListPosition() {
		// timestamps tell the 3,000 and 7,000 apart, but only 5,000 is left: 1,500 /
		// 3,500, in either order
		List<Deposit> deposits = List.of(new Deposit("T1", 3_000, new long[] { 3_000, 0 }),
				new Deposit("T2", 7_000, new long[] { 0, 7_000 }));
		Allocation a = ReturnAllocator.allocate(5_000, deposits, new long[] { 3_000, 7_000 },
				List.of(new Victim("V1", 3_000, 0), new Victim("V2", 7_000, 0)));
		assertThat(a.basis()).isEqualTo(Basis.TIMESTAMPS);
		assertThat(a.returnFen()).containsExactly(1_500, 3_500);
		assertThat(a.remainderFen()).isZero();
		List<Deposit> swapped = List.of(new Deposit("T1", 3_000, new long[] { 0, 3_000 }),
				new Deposit("T2", 7_000, new long[] { 7_000, 0 }));
		Allocation b = ReturnAllocator.allocate(5_000, swapped, new long[] { 7_000, 3_000 },
				List.of(new Victim("V2", 7_000, 0), new Victim("V1", 3_000, 0)));
		assertThat(b.returnFen()).containsExactly(3_500, 1_500);
	}

	@Test
	void badInputIsRefused() {
		assertThatThrownBy(() -> new Victim("V", 0, 0)).hasMessageContaining("loss must be > 0");
		assertThatThrownBy(() -> ReturnAllocator.allocate(-1, List.of(), null, List.of(new Victim("V", 1, 0))))
			.hasMessageContaining(">= 0");
		assertThatThrownBy(() -> ReturnAllocator.allocate(1, List.of(), null, List.of()))
			.hasMessageContaining("victim");
	}

	@Property(tries = 500)
	void proRataSharesAddUpAndNeverExceedWhatIsOwed(@ForAll @LongRange(min = 0, max = 10_000_000_000L) long frozen,
			@ForAll @IntRange(min = 1, max = 8) int n, @ForAll long seed) {
		Random r = new Random(seed);
		List<Victim> victims = new ArrayList<>();
		long[] per = new long[n];
		long owed = 0;
		for (int v = 0; v < n; v++) {
			long loss = 1 + r.nextInt(50_000_000);
			long returned = r.nextInt(4) == 0 ? r.nextInt((int) Math.min(loss, Integer.MAX_VALUE)) : 0;
			victims.add(new Victim("V" + v, loss, returned));
			per[v] = loss;
			owed += loss - returned;
		}
		Allocation a = ReturnAllocator.allocate(frozen, List.of(new Deposit("T", Arrays.stream(per).sum(), per)), null,
				victims);
		assertThat(a.totalFen() + a.remainderFen()).isEqualTo(frozen);
		for (int v = 0; v < n; v++) {
			assertThat(a.returnFen()[v]).isBetween(0L, victims.get(v).lossFen() - victims.get(v).returnedFen());
		}
		assertThat(a.totalFen()).isLessThanOrEqualTo(Math.min(frozen, owed));
	}

	@Test
	void threeWorkingDaysSkipWeekendsAndHolidaysAndCountMakeUpDays() {
		// 2026-09-30 (Wed) + 3 working days over the National Day holiday (Oct 1-7) with
		// Oct 10 (Sat) worked
		WorkingCalendar cal = new WorkingCalendar(Set.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2),
				LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 6), LocalDate.of(2026, 10, 7)),
				Set.of(LocalDate.of(2026, 10, 10)));
		assertThat(cal.plusWorkingDays(LocalDate.of(2026, 9, 30), 3)).isEqualTo(LocalDate.of(2026, 10, 10));
		assertThat(cal.plusWorkingDays(LocalDate.of(2026, 11, 27), 3)).isEqualTo(LocalDate.of(2026, 12, 2));
		assertThat(cal.isWorkingDay(LocalDate.of(2026, 11, 28))).isFalse();
	}

}
