package org.fanzha.simulation;

import java.time.Instant;
import java.util.List;

/**
 * A victim in the simulated province reported a fraud. Carries what a victim can tell the
 * police, in the identifiers of the simulated data (accounts {@code A<n>}, transfers
 * {@code T<n>}).
 */
public record SimulatedCaseReported(String caseId, Instant reportedAt, String victimPersonId, String fraudType,
		String regionCode, long lossFen, List<String> reportedTransfers, List<String> suspectPhones,
		String suspectAppOrUrl, String suspectIm) {
}
