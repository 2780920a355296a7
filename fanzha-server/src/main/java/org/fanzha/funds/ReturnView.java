package org.fanzha.funds;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A return round: the allocation table, the notice period and the bank's execution. */
public record ReturnView(long id, long freezeId, int round, String basis, long frozenFen, long remainderFen,
		String status, Instant noticeUntil, Instant decidedAt, LocalDate executeBy, Instant executedAt,
		List<Share> shares, List<Objection> objections) {

	public record Share(String caseNumber, long lossFen, long returnedBeforeFen, long amountFen) {
	}

	public record Objection(Instant at, String raisedBy, String content) {
	}

	public long totalFen() {
		return shares.stream().mapToLong(Share::amountFen).sum();
	}
}
