package org.fanzha.sim.world;

/**
 * A victim's report as the anti-fraud centre receives it: what the victim can name.
 *
 * @param reportedTransfers ids of the victim's payments
 * @param suspectPhones numbers that called or texted the victim (empty for IM/app
 * scripts)
 * @param suspectAppOrUrl the app or website the victim was sent to, or null
 * @param suspectIm the IM account the victim chatted with, or null
 */
public record CaseReport(long caseId, long reportTime, int victim, FraudType type, int county, long lossFen,
		long[] reportedTransfers, long[] suspectPhones, String suspectAppOrUrl, String suspectIm) {
}
