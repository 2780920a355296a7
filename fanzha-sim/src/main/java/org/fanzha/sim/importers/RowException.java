package org.fanzha.sim.importers;

/**
 * A malformed row: thrown by the field parsers and caught per row by the importers, which
 * count and skip the row. No stack trace (it is control flow, and a bad file may have
 * many).
 */
final class RowException extends Exception {

	private static final long serialVersionUID = 1L;

	final String column;

	final String reason;

	RowException(String column, String reason) {
		super(column + ": " + reason, null, false, false);
		this.column = column;
		this.reason = reason;
	}

}
