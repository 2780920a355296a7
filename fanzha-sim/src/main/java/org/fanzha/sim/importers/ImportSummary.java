package org.fanzha.sim.importers;

import java.util.List;

/**
 * What an import did.
 *
 * @param rowsRead data rows read from all input files (header lines and blank lines are
 * not rows)
 * @param rowsRejected rows skipped because they were malformed;
 * {@code rowsRead - rowsRejected} rows were used
 * @param accounts rows written to accounts.csv
 * @param transfers rows written to transfers.csv
 * @param muleAccounts rows written to truth/mule_accounts.csv
 * @param launderingTransfers rows written to truth/laundering.csv
 * @param firstRejections the first 20 rejections, each as
 * {@code FILE:LINE: column COLUMN: reason}
 */
public record ImportSummary(long rowsRead, long rowsRejected, long accounts, long transfers, long muleAccounts,
		long launderingTransfers, List<String> firstRejections) {

	/** How many rejection messages a summary keeps. */
	public static final int MAX_REJECTIONS = 20;

	public ImportSummary {
		firstRejections = List.copyOf(firstRejections);
	}
}
