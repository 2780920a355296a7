package org.fanzha.core;

import java.util.Optional;

/*
 * The common fraud types of DOMAIN.md §5, as the platform records them on a case. The names are the ones case files
 * have always been stored under (the simulator's names at the time), so stored cases and API clients keep working;
 * the simulator's calibration enum maps onto this one (org.fanzha.sim.world.FraudType#domainType).
 */
/**
 * A case's fraud type (DOMAIN.md §5) with its Chinese name and the console's message key.
 */
public enum FraudType {

	/** 刷单返利: task/rebate scams, the most frequent type. */
	TASK_REBATE("刷单返利"),
	/** 虚假投资理财: fake investment, the largest losses. */
	INVESTMENT("虚假投资理财"),
	/** 虚假网络贷款. */
	LOAN("虚假网络贷款"),
	/** 冒充电商物流客服. */
	CUSTOMER_SERVICE("冒充电商物流客服"),
	/** 冒充公检法. */
	FAKE_POLICE("冒充公检法"),
	/** 网络交友诱导投资 ("杀猪盘"). */
	ROMANCE_INVESTMENT("网络交友诱导投资"),
	/** 冒充领导熟人. */
	FAKE_BOSS("冒充领导熟人"),
	/** 虚假征信. */
	FAKE_CREDIT("虚假征信"),
	/** 网游虚假交易. */
	GAME_TRADING("网游虚假交易");

	private final String label;

	FraudType(String label) {
		this.label = label;
	}

	/** The Chinese name, as DOMAIN.md §5 writes it. */
	public String label() {
		return label;
	}

	/** The console's message key, e.g. {@code fraudType.TASK_REBATE}. */
	public String messageKey() {
		return "fraudType." + name();
	}

	/** The type with this exact name, or empty (null, blank and unknown names alike). */
	public static Optional<FraudType> parse(String name) {
		if (name != null) {
			for (FraudType t : values()) {
				if (t.name().equals(name)) {
					return Optional.of(t);
				}
			}
		}
		return Optional.empty();
	}

}
