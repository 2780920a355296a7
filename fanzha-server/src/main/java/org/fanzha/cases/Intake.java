package org.fanzha.cases;

import java.time.Instant;
import java.util.List;

/**
 * A report as the officer enters it. Validated completely by {@link Cases#report(Intake)} before anything
 * is stored.
 *
 * @param reportedAt when the victim reported (defaults to now)
 * @param fraudType one of the types in DOMAIN §5 (e.g. TASK_REBATE, FAKE_POLICE)
 */
public record Intake(Victim victim, String fraudType, String narrative, Instant reportedAt, List<Payment> payments,
		Suspects suspects) {

	public record Victim(String name, String idNumber, String phone, String regionCode) {
	}

	/**
	 * @param transferId the bank's serial number of the transfer when the victim has it (optional)
	 */
	public record Payment(String payerAccount, String payeeName, String payeeAccount, String payeeBank,
			Long amountFen, Instant paidAt, String transferId) {
	}

	public record Suspects(List<String> phones, List<String> accounts, List<String> urls, List<String> apps,
			List<String> imAccounts) {
	}
}
