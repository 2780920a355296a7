package org.fanzha.engine.linking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

import org.junit.jupiter.api.Test;

class CaseLinkerTest {

	@Test
	void casesSharingAnAccountAreOneGroupWithTheAccountAsEvidence() {
		CaseLinker l = new CaseLinker();
		l.add(0, IdentifierKind.FUND_ACCOUNT, "6222020000000000001");
		l.add(1, IdentifierKind.FUND_ACCOUNT, "6222020000000000001");
		l.add(2, IdentifierKind.FUND_ACCOUNT, "6222020000000000002");
		Linking r = l.link();
		assertThat(r.groupCount()).isEqualTo(2);
		assertThat(r.linked(0, 1)).isTrue();
		assertThat(r.linked(0, 2)).isFalse();
		assertThat(r.cases(r.groupOf(0))).containsExactly(0, 1);
		List<Linking.Evidence> ev = r.evidence(r.groupOf(0));
		assertThat(ev).containsExactly(new Linking.Evidence("6222020000000000001", IdentifierKind.FUND_ACCOUNT,
				new int[] { 0, 1 }, MergeGround.SAME_FUND_ACCOUNT));
		assertThat(r.grounds(r.groupOf(0))).containsExactly(MergeGround.SAME_FUND_ACCOUNT);
		assertThat(r.mergeableAsWhole(r.groupOf(0))).isTrue();
		assertThat(r.evidence(r.groupOf(2))).isEmpty();
		assertThat(r.grounds(r.groupOf(2))).isEmpty();
	}

	@Test
	void linksAreTransitiveAcrossKinds() {
		CaseLinker l = new CaseLinker();
		l.add(0, IdentifierKind.WEBSITE, "https://xinhui88.top");
		l.add(1, IdentifierKind.WEBSITE, "https://xinhui88.top");
		l.add(1, IdentifierKind.PHONE, "17012345678");
		l.add(2, IdentifierKind.PHONE, "17012345678");
		l.add(3, IdentifierKind.CHAT_GROUP, "QQ群:12345");
		Linking r = l.link();
		assertThat(r.groupCount()).isEqualTo(2);
		int g = r.groupOf(0);
		assertThat(r.cases(g)).containsExactly(0, 1, 2);
		assertThat(r.evidence(g)).extracting(Linking.Evidence::kind)
			.containsExactly(IdentifierKind.WEBSITE, IdentifierKind.PHONE);
		assertThat(r.evidence(g).get(1).mergeGround()).as("a shared phone is a lead").isFalse();
		assertThat(r.grounds(g)).containsExactly(MergeGround.SAME_WEBSITE);
		assertThat(r.mergeableAsWhole(g)).as("case 2 hangs on a phone only").isFalse();
		assertThat(r.groupOf(3)).isEqualTo(1);
	}

	@Test
	void theSameValueOfTwoKindsIsTwoIdentifiers() {
		CaseLinker l = new CaseLinker();
		l.add(0, IdentifierKind.IM_ACCOUNT, "12345");
		l.add(1, IdentifierKind.CHAT_GROUP, "12345");
		assertThat(l.identifiers()).isEqualTo(2);
		assertThat(l.link().linked(0, 1)).isFalse();
	}

	@Test
	void valuesAreTrimmedAndNonAsciiTextRoundTrips() {
		CaseLinker l = new CaseLinker();
		String[] values = { "金店-610113-2", "WX:wxid_a\uD83D\uDE00b", "é", "x\uD800y" };
		for (String v : values) {
			l.add(0, IdentifierKind.CASH_OUT_POINT, v);
			l.add(1, IdentifierKind.CASH_OUT_POINT, "  " + v + "\t");
		}
		assertThat(l.identifiers()).isEqualTo(values.length);
		Linking r = l.link();
		assertThat(r.evidence(0)).extracting(Linking.Evidence::identifier)
			.containsExactlyInAnyOrder("金店-610113-2", "WX:wxid_a\uD83D\uDE00b", "é", "x?y");
	}

	@Test
	void interningAKnownIdentifierAllocatesNothing() {
		ThreadMXBean bean = ManagementFactory.getThreadMXBean();
		if (!(bean instanceof com.sun.management.ThreadMXBean threads) || !threads.isThreadAllocatedMemorySupported()) { // style:fqn
			return;
		}
		CaseLinker l = new CaseLinker();
		String[] values = new String[1_000];
		for (int i = 0; i < values.length; i++) {
			values[i] = "6222020000" + (100_000_000 + i * 7_919);
			l.identifier(IdentifierKind.FUND_ACCOUNT, values[i]);
		}
		for (int round = 0; round < 2; round++) {
			long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
			int sum = 0;
			for (int k = 0; k < 100_000; k++) {
				sum += l.identifier(IdentifierKind.FUND_ACCOUNT, values[k % values.length]);
			}
			long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
			assertThat(sum).isPositive();
			if (round == 1) {
				assertThat(allocated).as("bytes allocated by 100,000 look-ups").isLessThan(20_000);
			}
		}
	}

	@Test
	void aBankNeverLinksAndIsReportedAsGuarded() {
		CaseLinker l = new CaseLinker();
		for (int c = 0; c < 5; c++) {
			l.add(c, IdentifierKind.BANK, "ICBC");
		}
		Linking r = l.link();
		assertThat(r.groupCount()).isEqualTo(5);
		assertThat(r.guardedIdentifiers()).isEqualTo(1);
		assertThat(r.linkingIdentifiers()).isZero();
		assertThat(r.guarded(10)).singleElement().satisfies(e -> {
			assertThat(e.identifier()).isEqualTo("ICBC");
			assertThat(e.cases()).containsExactly(0, 1, 2, 3, 4);
		});
	}

	@Test
	void frequencyGuardCutsAtMaxCasesTimesWeightExactly() {
		// maxCases 10: a fund account (weight 1) links up to 10 cases, a phone (0.5) up
		// to 5
		CaseLinker.Options o = CaseLinker.Options.DEFAULTS.withMaxCases(10);
		assertThat(o.cap(IdentifierKind.FUND_ACCOUNT)).isEqualTo(10);
		assertThat(o.cap(IdentifierKind.PHONE)).isEqualTo(5);
		assertThat(o.cap(IdentifierKind.BANK)).isZero();
		assertThat(linkedBy(o, IdentifierKind.FUND_ACCOUNT, 10).groupCount()).isEqualTo(1);
		assertThat(linkedBy(o, IdentifierKind.FUND_ACCOUNT, 11).groupCount()).isEqualTo(11);
		assertThat(linkedBy(o, IdentifierKind.PHONE, 5).groupCount()).isEqualTo(1);
		Linking six = linkedBy(o, IdentifierKind.PHONE, 6);
		assertThat(six.groupCount()).isEqualTo(6);
		assertThat(six.guardedIdentifiers()).isEqualTo(1);
		assertThat(linkedBy(o.withWeight(IdentifierKind.PHONE, 1.0), IdentifierKind.PHONE, 6).groupCount())
			.isEqualTo(1);
	}

	private static Linking linkedBy(CaseLinker.Options o, IdentifierKind kind, int cases) {
		CaseLinker l = new CaseLinker(o);
		for (int c = 0; c < cases; c++) {
			l.add(c, kind, "x");
		}
		return l.link();
	}

	@Test
	void aCaseNamingAnIdentifierTwiceCountsOnce() {
		CaseLinker l = new CaseLinker(CaseLinker.Options.DEFAULTS.withMaxCases(2));
		l.add(0, IdentifierKind.FUND_ACCOUNT, "a");
		l.add(0, IdentifierKind.FUND_ACCOUNT, "a");
		l.add(1, IdentifierKind.FUND_ACCOUNT, "a");
		l.add(0, IdentifierKind.PHONE, "p");
		l.add(0, IdentifierKind.PHONE, "p");
		Linking r = l.link();
		assertThat(r.groupCount()).isEqualTo(1);
		assertThat(r.evidence(0)).singleElement().satisfies(e -> assertThat(e.cases()).containsExactly(0, 1));
		assertThat(r.guardedIdentifiers()).as("the phone is named by one case only").isZero();
	}

	@Test
	void mergeGroundsOnlyLeavesLeadsUnlinked() {
		CaseLinker l = new CaseLinker(CaseLinker.Options.DEFAULTS.withMergeGroundsOnly(true));
		l.add(0, IdentifierKind.PHONE, "13800000000");
		l.add(1, IdentifierKind.PHONE, "13800000000");
		l.add(1, IdentifierKind.CASH_OUT_POINT, "金店-610113-2");
		l.add(2, IdentifierKind.CASH_OUT_POINT, "金店-610113-2");
		Linking r = l.link();
		assertThat(r.linked(0, 1)).isFalse();
		assertThat(r.linked(1, 2)).isTrue();
		assertThat(r.grounds(r.groupOf(1))).containsExactly(MergeGround.SAME_DEN);
	}

	@Test
	void suspectsMarkOnePersonSeveralCrimesAndJointCrime() {
		CaseLinker l = new CaseLinker();
		// A in cases 0 and 1; A and B together in case 1; B in case 2: joint crime links
		// 0..2
		l.add(0, IdentifierKind.SUSPECT, "A");
		l.add(1, IdentifierKind.SUSPECT, "A");
		l.add(1, IdentifierKind.SUSPECT, "B");
		l.add(2, IdentifierKind.SUSPECT, "B");
		l.add(3, IdentifierKind.SUSPECT, "C");
		l.add(4, IdentifierKind.SUSPECT, "C");
		Linking r = l.link();
		assertThat(r.cases(r.groupOf(0))).containsExactly(0, 1, 2);
		assertThat(r.grounds(r.groupOf(0))).containsExactlyInAnyOrder(MergeGround.ONE_PERSON_SEVERAL_CRIMES,
				MergeGround.JOINT_CRIME);
		assertThat(r.grounds(r.groupOf(3))).containsExactly(MergeGround.ONE_PERSON_SEVERAL_CRIMES);
		assertThat(r.mergeableAsWhole(r.groupOf(0))).isTrue();
	}

	@Test
	void aCaseNamingNothingIsAGroupOfItsOwn() {
		CaseLinker l = new CaseLinker();
		l.addCase(3);
		l.add(0, IdentifierKind.APP, "鑫汇理财");
		Linking r = l.link();
		assertThat(r.cases()).isEqualTo(4);
		assertThat(r.groupCount()).isEqualTo(4);
		assertThat(r.linkedGroups()).isZero();
		assertThat(r.size(r.groupOf(3))).isEqualTo(1);
		assertThat(r.mergeableAsWhole(r.groupOf(3))).isTrue();
	}

	@Test
	void rawInputLinksLikeTheBuilder() {
		byte[] kinds = { (byte) IdentifierKind.FUND_ACCOUNT.ordinal(), (byte) IdentifierKind.BANK.ordinal() };
		Linking r = CaseLinker.link(3, 2, kinds, new int[] { 0, 2, 0, 1 }, new int[] { 0, 0, 1, 1 }, 4,
				CaseLinker.Options.DEFAULTS, null);
		assertThat(r.cases(r.groupOf(0))).containsExactly(0, 2);
		assertThat(r.evidence(r.groupOf(0)).get(0).identifier()).isEqualTo("#0");
		assertThat(r.linked(0, 1)).isFalse();
	}

	@Test
	void badInputIsRejected() {
		CaseLinker l = new CaseLinker();
		assertThatThrownBy(() -> l.add(-1, IdentifierKind.PHONE, "1")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> l.add(0, 7)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> l.identifier(IdentifierKind.PHONE, " ")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> l.identifier(null, "x")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> CaseLinker.Options.DEFAULTS.withMaxCases(1))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> CaseLinker.Options.DEFAULTS.withWeight(IdentifierKind.APP, 1.5))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> CaseLinker.link(1, 1, new byte[1], new int[] { 1 }, new int[] { 0 }, 1,
				CaseLinker.Options.DEFAULTS, null))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> CaseLinker.link(1, 1, new byte[] { 42 }, new int[] { 0 }, new int[] { 0 }, 1,
				CaseLinker.Options.DEFAULTS, null))
			.isInstanceOf(IllegalArgumentException.class);
		Linking r = l.link();
		assertThatThrownBy(() -> r.groupOf(0)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> r.guarded(-1)).isInstanceOf(IllegalArgumentException.class);
	}

}
