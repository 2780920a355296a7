package org.fanzha.audit;

public enum AuditAction {

	/** Personal data was shown or returned. */
	READ,
	/** Personal data was created or changed. */
	CHANGE,
	/** Personal data was exported (download, document generation). */
	EXPORT

}
