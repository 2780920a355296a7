package org.fanzha.identity;

/**
 * What a user may do. Display names are in the console message bundles as
 * {@code role.NAME}.
 */
public enum Role {

	/** 系统管理员: agencies, users, tokens; no case data. */
	ADMIN,
	/** 反诈中心民警: intake, stop-payment, tracing, warnings. */
	CENTRE_OFFICER,
	/** 派出所民警: reports, in-person dissuasion. */
	STATION_OFFICER,
	/** 银行/支付机构反诈专员: executes instructions, monitors transfers. */
	BANK_OFFICER,
	/** 运营商反诈专员: SIM issuance checks, abnormal-SIM measures. */
	TELECOM_OFFICER,
	/** 学校反诈专员: student card-cutting warnings and education. */
	SCHOOL_OFFICER,
	/** 检察官: whole-chain review, jurisdiction. */
	PROCURATOR,
	/** 人大/领导: oversight statistics and the audit log. */
	OVERSIGHT;

	/**
	 * Whether the role only reads: the security configuration refuses it every write
	 * (POST, PUT, PATCH, DELETE).
	 */
	public boolean readsOnly() {
		return this == PROCURATOR || this == OVERSIGHT;
	}

	public String authority() {
		return "ROLE_" + name();
	}

}
