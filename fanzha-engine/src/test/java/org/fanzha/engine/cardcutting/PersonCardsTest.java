package org.fanzha.engine.cardcutting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.fanzha.core.Operator;
import org.fanzha.engine.cardcutting.PersonCards.Account;
import org.fanzha.engine.cardcutting.PersonCards.AccountClass;
import org.junit.jupiter.api.Test;

class PersonCardsTest {

	final PersonCards check = new PersonCards(PersonCards.Limits.DEFAULTS);

	static List<Account> accounts(String bank, int n, AccountClass c) {
		return new ArrayList<>(Collections.nCopies(n, new Account(bank, c)));
	}

	@Test
	void fourCardsAtOneBankAreWithinTheLimitFiveAreNot() {
		assertThat(check.check(accounts("ICBC", 4, AccountClass.II), List.of()).withinLimits()).isTrue();
		PersonCards.Result r = check.check(accounts("ICBC", 5, AccountClass.II), List.of());
		assertThat(r.excesses()).singleElement().satisfies(e -> {
			assertThat(e.code()).isEqualTo("CARDS_PER_BANK");
			assertThat(e.where()).isEqualTo("ICBC");
			assertThat(e.count()).isEqualTo(5);
			assertThat(e.limit()).isEqualTo(4);
			assertThat(e.source()).contains("第十六条");
		});
		// spread over banks, nothing is exceeded
		List<Account> spread = accounts("ICBC", 4, AccountClass.II);
		spread.addAll(accounts("CCB", 4, AccountClass.II));
		assertThat(check.check(spread, List.of()).withinLimits()).isTrue();
		assertThat(check.check(spread, List.of()).accountsPerBank()).containsEntry("CCB", 4);
	}

	@Test
	void oneClassIAccountPerBank() {
		List<Account> a = accounts("ICBC", 1, AccountClass.I);
		a.add(new Account("CCB", AccountClass.I));
		assertThat(check.check(a, List.of()).withinLimits()).isTrue();
		a.add(new Account("ICBC", AccountClass.I));
		assertThat(check.check(a, List.of()).excesses()).extracting(PersonCards.Excess::code)
			.containsExactly("CLASS_I_PER_BANK");
	}

	@Test
	void fiveSimsPerOperatorAndTenInAll() {
		List<Operator> sims = new ArrayList<>(Collections.nCopies(5, Operator.CHINA_MOBILE));
		sims.addAll(Collections.nCopies(5, Operator.CHINA_UNICOM));
		PersonCards.Result ten = check.check(List.of(), sims);
		assertThat(ten.withinLimits()).isTrue();
		assertThat(ten.simsTotal()).isEqualTo(10);
		sims.add(Operator.CHINA_MOBILE);
		assertThat(check.check(List.of(), sims).excesses()).extracting(PersonCards.Excess::code)
			.containsExactly("SIMS_PER_OPERATOR", "SIMS_TOTAL");
	}

	@Test
	void limitsAreConfigurableAndValidated() {
		PersonCards strict = new PersonCards(new PersonCards.Limits(1, 1, 1, 1));
		assertThat(strict.check(accounts("ICBC", 2, AccountClass.III), List.of(Operator.CHINA_MOBILE)).excesses())
			.extracting(PersonCards.Excess::code)
			.containsExactly("CARDS_PER_BANK");
		assertThatThrownBy(() -> new PersonCards.Limits(0, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> check.check(null, List.of())).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Account(" ", AccountClass.I)).isInstanceOf(IllegalArgumentException.class);
	}

}
