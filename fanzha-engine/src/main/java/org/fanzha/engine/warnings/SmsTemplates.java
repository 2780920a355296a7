package org.fanzha.engine.warnings;

import java.util.EnumMap;
import java.util.Map;

/*
 * The warning SMS (短信劝阻, the LOW grade's channel, sent from 12381) for each fraud type of DOMAIN.md §5. Rule
 * (DOMAIN.md §3 "Warning and dissuasion"): a warning carries no links and no call-back numbers, so a fraudster cannot
 * imitate it with a link or number of their own; the only number a text may name is the anti-fraud hotline 96110.
 * Each text names the script's tell-tale move and the one safe action. The texts are the project's own wording.
 */
/**
 * Warning SMS texts per {@link FraudType}, with no links and no number other than 96110.
 */
public final class SmsTemplates {

	/** The only number a warning text may contain. */
	public static final String HOTLINE = "96110";

	private static final String PREFIX = "【反诈预警】";

	private static final String SUFFIX = "如有疑问请拨打反诈专线96110。";

	private static final Map<FraudType, String> BODIES = new EnumMap<>(FraudType.class);

	static {
		BODIES.put(FraudType.TASK_REBATE, "网上刷单、点赞、做任务返利都是诈骗，先小额返利引您垫付，大额后拒不返还。切勿垫资刷单。");
		BODIES.put(FraudType.FAKE_CUSTOMER_SERVICE, "自称电商或快递客服要为您退款理赔、关闭百万保障的都是诈骗。切勿共享屏幕、切勿转账。");
		BODIES.put(FraudType.FAKE_INVESTMENT, "陌生人拉您进群荐股、炒币、投资高回报平台是诈骗，前期小赚后期无法提现。切勿投资转账。");
		BODIES.put(FraudType.FAKE_LOAN, "放款前要求交手续费、保证金、解冻金的网贷都是诈骗。请通过正规金融机构办理贷款。");
		BODIES.put(FraudType.FAKE_POLICE, "公检法机关不会通过电话办案，不存在安全账户，不会要求您转账或视频做笔录。切勿转账。");
		BODIES.put(FraudType.ROMANCE, "网上结识的恋人带您投资、博彩赚钱是杀猪盘诈骗。切勿向网友推荐的平台转账。");
		BODIES.put(FraudType.GAME_TRADING, "低价买卖游戏账号装备、私下交易或到陌生平台解冻保证金都是诈骗。请只在官方渠道交易。");
		BODIES.put(FraudType.FAKE_BOSS, "自称领导、熟人加您好友要求转账的，请当面或打其本人原有电话核实。切勿直接转账。");
		BODIES.put(FraudType.FAKE_CREDIT, "自称客服称可修复征信、注销校园贷账户的都是诈骗，征信无法花钱修复。切勿贷款转账。");
		BODIES.put(FraudType.UNKNOWN, "您近期可能接触了诈骗分子。凡是要求转账、共享屏幕、下载陌生软件的都是诈骗。");
	}

	private SmsTemplates() {
	}

	/** The full warning text for {@code type} (null = UNKNOWN). */
	public static String text(FraudType type) {
		return PREFIX + BODIES.get(type == null ? FraudType.UNKNOWN : type) + SUFFIX;
	}

}
