package org.fanzha.cases;

import java.time.Instant;
import java.util.List;

/**
 * A case was taken in (or its first-level payments were entered). Carries what fund
 * tracing needs; no victim identity.
 */
public record CaseReported(String caseNumber, String agencyCode, Instant reportedAt, long lossFen,
		List<Payment> payments) {

	/**
	 * One payment of the victim: the first-level account is {@code payeeAccount} at
	 * {@code payeeBank}.
	 */
	public record Payment(String payerAccount, String payeeName, String payeeAccount, String payeeBank, long amountFen,
			Instant paidAt, String transferId) {
	}
}
