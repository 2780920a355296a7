package org.fanzha.engine.warnings;

import java.util.EnumMap;
import java.util.Map;

/**
 * The common fraud types a warning can name, from DOMAIN.md §5 (MPS practice, secondary),
 * plus {@link #UNKNOWN} when no signal says which script the caller used. The Chinese
 * label is the one used in warning texts and reports.
 */
public enum FraudType {

	TASK_REBATE("刷单返利"), FAKE_CUSTOMER_SERVICE("冒充电商物流客服"), FAKE_INVESTMENT("虚假投资理财"), FAKE_LOAN("虚假网络贷款"),
	FAKE_POLICE("冒充公检法"), ROMANCE("网络交友诱导投资"), GAME_TRADING("网游虚假交易"), FAKE_BOSS("冒充领导熟人"), FAKE_CREDIT("虚假征信"),
	UNKNOWN("未知类型");

	private final String label;

	FraudType(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	private static final Map<org.fanzha.core.FraudType, FraudType> OF_CASE = new EnumMap<>( // style:fqn
			org.fanzha.core.FraudType.class); // style:fqn

	static {
		for (FraudType t : values()) {
			if (t.caseType() != null) {
				OF_CASE.put(t.caseType(), t);
			}
		}
	}

	/**
	 * The warning type of a case's type; {@link #UNKNOWN} for none or a type warnings do
	 * not grade by.
	 */
	public static FraudType ofCase(org.fanzha.core.FraudType caseType) { // style:fqn
		return caseType == null ? UNKNOWN : OF_CASE.getOrDefault(caseType, UNKNOWN);
	}

	/**
	 * The type as a case records it ({@link org.fanzha.core.FraudType}); null for
	 * {@link #UNKNOWN}.
	 */
	public org.fanzha.core.FraudType caseType() { // style:fqn
		return switch (this) {
			case TASK_REBATE -> org.fanzha.core.FraudType.TASK_REBATE; // style:fqn
			case FAKE_CUSTOMER_SERVICE -> org.fanzha.core.FraudType.CUSTOMER_SERVICE; // style:fqn
			case FAKE_INVESTMENT -> org.fanzha.core.FraudType.INVESTMENT; // style:fqn
			case FAKE_LOAN -> org.fanzha.core.FraudType.LOAN; // style:fqn
			case FAKE_POLICE -> org.fanzha.core.FraudType.FAKE_POLICE; // style:fqn
			case ROMANCE -> org.fanzha.core.FraudType.ROMANCE_INVESTMENT; // style:fqn
			case GAME_TRADING -> org.fanzha.core.FraudType.GAME_TRADING; // style:fqn
			case FAKE_BOSS -> org.fanzha.core.FraudType.FAKE_BOSS; // style:fqn
			case FAKE_CREDIT -> org.fanzha.core.FraudType.FAKE_CREDIT; // style:fqn
			case UNKNOWN -> null;
		};
	}

}
