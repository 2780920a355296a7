package org.fanzha.core;

/*
 * Mainland China mobile network operator, as derived from the first three digits
 * (the number segment, 号段) of an 11-digit mobile number. Segments are allocated by
 * the Ministry of Industry and Information Technology; see PhoneNumber for the table.
 */
public enum Operator {

	CHINA_MOBILE, CHINA_UNICOM, CHINA_TELECOM, CHINA_BROADNET,
	/** Mobile virtual network operator segments (162, 165, 167, 170, 171). */
	MVNO,
	/**
	 * A syntactically valid segment not in the table (e.g. IoT, satellite, unassigned).
	 */
	UNKNOWN

}
