package org.fanzha.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A report as the officer enters it. Validated completely by
 * {@link CaseRegister#report(Intake)} before anything is stored.
 *
 * @param reportedAt when the victim reported (defaults to now)
 * @param fraudType one of the types in DOMAIN §5 ({@link org.fanzha.core.FraudType}, e.g.
 * TASK_REBATE, FAKE_POLICE)
 */
public record Intake(Victim victim, String fraudType, String narrative, Instant reportedAt, List<Payment> payments,
		Suspects suspects) {

	public record Victim(String name, String idNumber, String phone, String regionCode) {
	}

	/**
	 * @param transferId the bank's serial number of the transfer when the victim has it
	 * (optional)
	 */
	public record Payment(String payerAccount, String payeeName, String payeeAccount, String payeeBank, Long amountFen,
			Instant paidAt, String transferId) {
	}

	/**
	 * What the victim can name about the suspects. Every list may be missing (read as
	 * empty), so older clients keep working. What links cases (Opinion (II) 2021 art. 2;
	 * docs/linking.md): shared fund accounts, websites, chat groups and cash-out points
	 * are merge grounds; phones, apps and IM accounts are leads.
	 *
	 * @param accounts accounts as written, e.g. {@code ALIPAY:2088…} (older form of
	 * {@code fundAccounts})
	 * @param urls websites or domains
	 * @param imAccounts IM accounts as written (older form of {@code imContacts})
	 * @param chatGroups chat groups the victim was pulled into
	 * @param imContacts IM accounts that chatted with the victim
	 * @param fundAccounts accounts the suspects named for payment, bank cards and
	 * third-party payment accounts alike
	 * @param cashOutPoints where the money was (or was to be) taken out
	 */
	public record Suspects(List<String> phones, List<String> accounts, List<String> urls, List<String> apps,
			List<String> imAccounts, List<ChatGroup> chatGroups, List<ImAccount> imContacts,
			List<FundAccount> fundAccounts, List<CashOutPoint> cashOutPoints) {

		public Suspects {
			phones = orEmpty(phones);
			accounts = orEmpty(accounts);
			urls = orEmpty(urls);
			apps = orEmpty(apps);
			imAccounts = orEmpty(imAccounts);
			chatGroups = orEmpty(chatGroups);
			imContacts = orEmpty(imContacts);
			fundAccounts = orEmpty(fundAccounts);
			cashOutPoints = orEmpty(cashOutPoints);
		}

		/**
		 * The identifiers intake took before chat groups, structured IM and fund accounts
		 * and cash-out points.
		 */
		public Suspects(List<String> phones, List<String> accounts, List<String> urls, List<String> apps,
				List<String> imAccounts) {
			this(phones, accounts, urls, apps, imAccounts, null, null, null, null);
		}

		private static <T> List<T> orEmpty(List<T> values) {
			// copies keep null entries, which validation reports by index
			return values == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(values));
		}
	}

	/**
	 * @param platform one of {@link CaseRegister#IM_PLATFORMS}
	 * @param groupId the group's number or name
	 */
	public record ChatGroup(String platform, String groupId) {
	}

	/**
	 * @param platform one of {@link CaseRegister#IM_PLATFORMS}
	 */
	public record ImAccount(String platform, String account) {
	}

	/**
	 * @param institution the bank or payment institution code (ICBC, ALIPAY, WECHATPAY…)
	 */
	public record FundAccount(String institution, String account) {
	}

	/**
	 * @param kind one of {@link CaseRegister#CASH_OUT_KINDS}
	 * @param identifier the ATM's terminal number or site, the merchant's number or name,
	 * the courier address
	 */
	public record CashOutPoint(String kind, String identifier) {
	}
}
