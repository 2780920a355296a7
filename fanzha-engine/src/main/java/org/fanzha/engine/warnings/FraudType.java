package org.fanzha.engine.warnings;

/**
 * The common fraud types a warning can name, from DOMAIN.md §5 (MPS practice, secondary), plus {@link #UNKNOWN} when no
 * signal says which script the caller used. The Chinese label is the one used in warning texts and reports.
 */
public enum FraudType {
	TASK_REBATE("刷单返利"),
	FAKE_CUSTOMER_SERVICE("冒充电商物流客服"),
	FAKE_INVESTMENT("虚假投资理财"),
	FAKE_LOAN("虚假网络贷款"),
	FAKE_POLICE("冒充公检法"),
	ROMANCE("网络交友诱导投资"),
	GAME_TRADING("网游虚假交易"),
	FAKE_BOSS("冒充领导熟人"),
	FAKE_CREDIT("虚假征信"),
	UNKNOWN("未知类型");

	private final String label;

	FraudType(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
