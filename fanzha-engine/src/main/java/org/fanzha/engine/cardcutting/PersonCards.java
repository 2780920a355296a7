package org.fanzha.engine.cardcutting;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.fanzha.core.Operator;

/*
 * A person's bank accounts and SIM cards against the per-person limits:
 *   - Anti-Telecom-Fraud Law art. 16 (verified): account limits are checked across institutions; the numbers are
 *     secondary (DOMAIN.md §3): at most 4 debit cards at one bank, one class-I account per bank;
 *   - art. 10 with DOMAIN.md §3 "Telecom" (secondary): at most 5 SIMs per operator and 10 across all operators.
 * Every limit is "at most N": N is within the limit, N + 1 exceeds it. All limits are configurable ({@link Limits}).
 * The result lists each excess (which bank or operator, how many, the limit, the source) — a hint that cards may be
 * collected for sale or rent, not a finding. Cost: one pass over the accounts and SIMs, a map per bank.
 */
/** Accounts per bank and SIMs per operator against the configured limits. */
public final class PersonCards {

	/** Bank account classes (I 类 full-function, II/III 类 restricted). */
	public enum AccountClass {

		I, II, III

	}

	public record Account(String bank, AccountClass accountClass) {

		public Account {
			if (bank == null || bank.isBlank()) {
				throw new IllegalArgumentException("an account names its bank");
			}
			if (accountClass == null) {
				accountClass = AccountClass.I;
			}
		}
	}

	/**
	 * The limits; {@link #DEFAULTS}: 4 cards and 1 class-I account per bank, 5 SIMs per
	 * operator, 10 SIMs in all.
	 */
	public record Limits(int cardsPerBank, int classIPerBank, int simsPerOperator, int simsTotal) {

		public static final Limits DEFAULTS = new Limits(4, 1, 5, 10);

		public Limits {
			if (cardsPerBank < 1 || classIPerBank < 1 || simsPerOperator < 1 || simsTotal < 1) {
				throw new IllegalArgumentException("every limit must be at least 1");
			}
		}
	}

	/**
	 * One limit exceeded: code, where (bank code, operator or "ALL"), how many, the
	 * limit, text and source.
	 */
	public record Excess(String code, String where, int count, int limit, String text, String source) {
	}

	/** {@code withinLimits} is true exactly when there is no excess. */
	public record Result(boolean withinLimits, List<Excess> excesses, Map<String, Integer> accountsPerBank,
			Map<Operator, Integer> simsPerOperator, int simsTotal) {
	}

	private static final String ART16 = "《反电信网络诈骗法》第十六条（开户数量限制，具体数字为二手资料）";

	private static final String ART10 = "《反电信网络诈骗法》第十条（办卡数量限制，具体数字为二手资料）";

	private final Limits limits;

	public PersonCards(Limits limits) {
		if (limits == null) {
			throw new IllegalArgumentException("limits are required");
		}
		this.limits = limits;
	}

	public Result check(List<Account> accounts, List<Operator> sims) {
		if (accounts == null || sims == null) {
			throw new IllegalArgumentException("accounts and SIMs are required (empty lists for none)");
		}
		Map<String, Integer> perBank = new TreeMap<>();
		Map<String, Integer> classIPerBank = new TreeMap<>();
		for (Account a : accounts) {
			perBank.merge(a.bank(), 1, Integer::sum);
			if (a.accountClass() == AccountClass.I) {
				classIPerBank.merge(a.bank(), 1, Integer::sum);
			}
		}
		EnumMap<Operator, Integer> perOperator = new EnumMap<>(Operator.class);
		for (Operator o : sims) {
			if (o == null) {
				throw new IllegalArgumentException("a SIM names its operator");
			}
			perOperator.merge(o, 1, Integer::sum);
		}
		List<Excess> out = new ArrayList<>();
		perBank.forEach((bank, n) -> {
			if (n > limits.cardsPerBank()) {
				out.add(new Excess("CARDS_PER_BANK", bank, n, limits.cardsPerBank(),
						"在" + bank + "持有银行卡" + n + "张（上限" + limits.cardsPerBank() + "张）", ART16));
			}
		});
		classIPerBank.forEach((bank, n) -> {
			if (n > limits.classIPerBank()) {
				out.add(new Excess("CLASS_I_PER_BANK", bank, n, limits.classIPerBank(),
						"在" + bank + "持有Ⅰ类账户" + n + "个（上限" + limits.classIPerBank() + "个）", ART16));
			}
		});
		perOperator.forEach((op, n) -> {
			if (n > limits.simsPerOperator()) {
				out.add(new Excess("SIMS_PER_OPERATOR", op.name(), n, limits.simsPerOperator(),
						"在" + op.name() + "持有电话卡" + n + "张（上限" + limits.simsPerOperator() + "张）", ART10));
			}
		});
		if (sims.size() > limits.simsTotal()) {
			out.add(new Excess("SIMS_TOTAL", "ALL", sims.size(), limits.simsTotal(),
					"在所有运营商共持有电话卡" + sims.size() + "张（上限" + limits.simsTotal() + "张）", ART10));
		}
		return new Result(out.isEmpty(), List.copyOf(out), Map.copyOf(perBank), Map.copyOf(perOperator), sims.size());
	}

}
