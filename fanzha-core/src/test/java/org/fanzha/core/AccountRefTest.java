package org.fanzha.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccountRefTest {

	@Test
	void parsesAndPrints() {
		AccountRef ref = AccountRef.parse("ICBC:6222021234567894");
		assertThat(ref.institutionCode()).isEqualTo("ICBC");
		assertThat(ref.accountNumber()).isEqualTo("6222021234567894");
		assertThat(ref).hasToString("ICBC:6222021234567894");
		assertThat(AccountRef.parse(ref.toString())).isEqualTo(ref);
		assertThat(AccountRef.of(" icbc ", " 6222021234567894 ")).isEqualTo(ref);
	}

	@Test
	void cardOnlyWhenAValidCard() {
		assertThat(AccountRef.parse("ICBC:6222021234567894").card()).contains(BankCardNumber.parse("6222021234567894"));
		// Payment-institution accounts are not cards and need not pass Luhn.
		AccountRef alipay = AccountRef.of("ALIPAY", "2088102122524333");
		assertThat(alipay.card()).isEmpty();
		assertThat(AccountRef.of("WECHATPAY", "wxid-abc123").card()).isEmpty();
		assertThat(AccountRef.of("ICBC", "6222-0212-3456-7894").card()).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "ICBC6222021234567894      | must look like INSTITUTION:ACCOUNT",
					":6222021234567894         | institution code is blank",
					"ICBC:                     | account number is blank",
					"IC BC:6222                | institution code 'IC BC' must be 1 to 16 upper-case letters or digits",
					"ABCDEFGHIJKLMNOPQ:1       | must be 1 to 16 upper-case letters or digits",
					"ICBC:6222 0212            | account number '6222 0212' must be 1 to 40 letters, digits or hyphens",
					"ICBC:6222:0212            | must be 1 to 40 letters, digits or hyphens", })
	void rejectsBadReferences(String text, String message) {
		assertThatThrownBy(() -> AccountRef.parse(text)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining(message);
		assertThat(AccountRef.isValid(text)).isFalse();
	}

	@Test
	void constructorEnforcesTheSameRules() {
		assertThatThrownBy(() -> new AccountRef("icbc", "1")).hasMessageContaining("upper-case");
		assertThatThrownBy(() -> new AccountRef(null, "1")).hasMessage("institution code is blank");
		assertThatThrownBy(() -> AccountRef.parse(null)).hasMessage("account reference is missing");
		assertThat(new AccountRef("ICBC", "1").accountNumber()).isEqualTo("1");
		assertThat(AccountRef.of("ICBC", "9".repeat(40)).accountNumber()).hasSize(40);
		assertThatThrownBy(() -> AccountRef.of("ICBC", "9".repeat(41)))
			.hasMessageContaining("must be 1 to 40 letters, digits or hyphens");
		assertThat(AccountRef.of("A".repeat(16), "1").institutionCode()).hasSize(16);
	}

}
