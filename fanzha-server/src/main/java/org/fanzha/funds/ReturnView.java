package org.fanzha.funds;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A return round: the allocation table, the notice period (pro rata only) and the bank's
 * execution.
 *
 * @param noticeUntil end of the 30-day notice; null when the basis needs none (a direct
 * return)
 */
public record ReturnView(long id, long freezeId, int round, String basis, long frozenFen, long remainderFen,
		Workflows.ReturnStatus status, Instant noticeUntil, Instant decidedAt, LocalDate executeBy, Instant executedAt,
		List<Share> shares, List<Objection> objections) {

	/**
	 * @param returnedBeforeFen what every earlier round of every freeze had allotted to
	 * the victim
	 * @param tracedFen the victim's money the trace brought into the frozen account
	 * @param addedReason why an officer named a victim the trace does not show there
	 * (null otherwise)
	 */
	public record Share(String caseNumber, long lossFen, long returnedBeforeFen, long amountFen, long tracedFen,
			String addedReason) {
	}

	public record Objection(Instant at, String raisedBy, String content) {
	}

	public long totalFen() {
		return shares.stream().mapToLong(Share::amountFen).sum();
	}

	public boolean noticeRequired() {
		return noticeUntil != null;
	}
}
