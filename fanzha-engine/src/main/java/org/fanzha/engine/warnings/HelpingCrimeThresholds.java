package org.fanzha.engine.warnings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/*
 * Which "serious circumstances" (情节严重) thresholds of the crime of helping information-network crime (帮信罪,
 * Criminal Law art. 287-2 para. 1) a suspect's facts meet. Sources (DOMAIN.md §3 "Criminal law"):
 *
 * 法释〔2019〕15号 art. 12 para. 1 (verified, reference/law/helping-information-network-crimes-interpretation-2019.md):
 *   (1) help given to >= 3 targets                              TARGETS
 *   (2) payment settlement >= ¥200,000 (20,000,000 fen)           SETTLEMENT
 *   (3) funds provided by advertising etc. >= ¥50,000             ADVERTISING_FUNDS
 *   (4) illegal gains >= ¥10,000                                  ILLEGAL_GAINS
 *   (5) an administrative penalty within 2 years for illegal use of networks, helping network crime or endangering
 *       computer systems, then helping again                     PRIOR_PENALTY
 *   (6) the helped crime caused serious consequences              SERIOUS_CONSEQUENCES
 * art. 12 para. 2 (verified): when objective limits make it impossible to establish whether the helped person's acts
 *   reach the level of a crime, liability still follows when the amounts of items (2)–(4) reach 5× their standards
 *   (SETTLEMENT_5X, ADVERTISING_FUNDS_5X, ILLEGAL_GAINS_5X), or especially serious consequences were caused
 *   (ESPECIALLY_SERIOUS_CONSEQUENCES). "相关数额总计" is read here as each amount against its own 5× standard (an
 *   interpretation; summing unlike amounts against one standard is not done).
 * Opinion (II) 2021 on telecom/network fraud (recalled in DOMAIN.md, NOT verified against the text): selling or renting
 *   >= 5 bank cards/accounts (BANK_CARDS) or >= 20 SIM cards (SIM_CARDS) is serious, applied as "other serious
 *   circumstances" (art. 12 para. 1 item (7)); these are counts, not amounts, so the 5× rule does not cover them and
 *   they apply only when the helped crime is established.
 *
 * Every threshold is ">= standard": exactly at the standard meets it, one fen (or one) below does not. The result is
 * "serious" (and, when the helped crime is unproven, "liable") when any threshold is met. Amounts are long fen; repeated
 * acts within 2 years are added up by the caller before asking (art. 16). This is decision support for the case officer,
 * not a legal finding.
 */
/** The 帮信 "serious circumstances" thresholds, each met threshold with its source. */
public final class HelpingCrimeThresholds {

	private static final String INTERPRETATION = "法释〔2019〕15号第十二条";

	private static final String OPINION_II = "《关于办理电信网络诈骗等刑事案件适用法律若干问题的意见（二）》（2021，待核实）";

	/** What the helped person's crime caused. */
	public enum Consequences {

		NONE, SERIOUS, ESPECIALLY_SERIOUS

	}

	/**
	 * The facts about one suspect (amounts in fen, counts already added up over 2 years).
	 *
	 * @param helpedCrimeEstablished whether it is established that the helped person's
	 * acts reach a crime; false applies art. 12 para. 2 (the 5× rule)
	 */
	public record Facts(int targetsHelped, long settlementFen, long advertisingFundsFen, long illegalGainsFen,
			boolean priorPenaltyWithinTwoYears, Consequences consequences, int bankCardsSoldOrRented,
			int simCardsSoldOrRented, boolean helpedCrimeEstablished) {

		public Facts {
			if (targetsHelped < 0 || settlementFen < 0 || advertisingFundsFen < 0 || illegalGainsFen < 0
					|| bankCardsSoldOrRented < 0 || simCardsSoldOrRented < 0) {
				throw new IllegalArgumentException("counts and amounts must not be negative");
			}
			if (consequences == null) {
				consequences = Consequences.NONE;
			}
		}
	}

	/**
	 * The standards; {@link #DEFAULTS} are the legal ones: 3 targets, ¥200,000
	 * settlement, ¥50,000 advertising funds, ¥10,000 illegal gains, ×5 when the helped
	 * crime is unproven, 5 bank cards, 20 SIM cards.
	 */
	public record Standards(int targets, long settlementFen, long advertisingFundsFen, long illegalGainsFen,
			int unprovenMultiplier, int bankCards, int simCards) {

		public static final Standards DEFAULTS = new Standards(3, 20_000_000L, 5_000_000L, 1_000_000L, 5, 5, 20);

		public Standards {
			if (targets < 1 || settlementFen < 1 || advertisingFundsFen < 1 || illegalGainsFen < 1
					|| unprovenMultiplier < 1 || bankCards < 1 || simCards < 1) {
				throw new IllegalArgumentException("every standard must be positive");
			}
		}
	}

	/**
	 * A met threshold: code, Chinese text with the fact and the standard, and its source.
	 */
	public record Met(String code, String text, String source) {
	}

	/**
	 * The met thresholds (in the order above) and whether the circumstances are serious.
	 */
	public record Assessment(List<Met> met, boolean serious) {

		public boolean has(String code) {
			return met.stream().anyMatch(m -> m.code().equals(code));
		}
	}

	private final Standards standards;

	public HelpingCrimeThresholds() {
		this(Standards.DEFAULTS);
	}

	public HelpingCrimeThresholds(Standards standards) {
		if (standards == null) {
			throw new IllegalArgumentException("standards are required");
		}
		this.standards = standards;
	}

	public Assessment assess(Facts f) {
		if (f == null) {
			throw new IllegalArgumentException("facts are required");
		}
		Standards s = standards;
		List<Met> met = new ArrayList<>();
		if (f.helpedCrimeEstablished()) {
			if (f.targetsHelped() >= s.targets()) {
				met.add(new Met("TARGETS", "为" + f.targetsHelped() + "个对象提供帮助（标准：" + s.targets() + "个以上）",
						INTERPRETATION + "第一款第（一）项"));
			}
			amount(met, "SETTLEMENT", "支付结算金额", f.settlementFen(), s.settlementFen(), "第一款第（二）项");
			amount(met, "ADVERTISING_FUNDS", "以投放广告等方式提供资金", f.advertisingFundsFen(), s.advertisingFundsFen(),
					"第一款第（三）项");
			amount(met, "ILLEGAL_GAINS", "违法所得", f.illegalGainsFen(), s.illegalGainsFen(), "第一款第（四）项");
			if (f.priorPenaltyWithinTwoYears()) {
				met.add(new Met("PRIOR_PENALTY", "二年内曾受相关行政处罚，又帮助信息网络犯罪活动", INTERPRETATION + "第一款第（五）项"));
			}
			if (f.consequences() != Consequences.NONE) {
				met.add(new Met("SERIOUS_CONSEQUENCES", "被帮助对象实施的犯罪造成严重后果", INTERPRETATION + "第一款第（六）项"));
			}
			if (f.bankCardsSoldOrRented() >= s.bankCards()) {
				met.add(new Met("BANK_CARDS",
						"出售、出租银行卡/账户" + f.bankCardsSoldOrRented() + "张（个）（标准：" + s.bankCards() + "张以上）",
						OPINION_II + "；" + INTERPRETATION + "第一款第（七）项"));
			}
			if (f.simCardsSoldOrRented() >= s.simCards()) {
				met.add(new Met("SIM_CARDS", "出售、出租手机卡" + f.simCardsSoldOrRented() + "张（标准：" + s.simCards() + "张以上）",
						OPINION_II + "；" + INTERPRETATION + "第一款第（七）项"));
			}
		}
		else {
			int k = s.unprovenMultiplier();
			amount(met, "SETTLEMENT_5X", "支付结算金额", f.settlementFen(), s.settlementFen() * k, "第二款（第（二）项标准的" + k + "倍）");
			amount(met, "ADVERTISING_FUNDS_5X", "以投放广告等方式提供资金", f.advertisingFundsFen(), s.advertisingFundsFen() * k,
					"第二款（第（三）项标准的" + k + "倍）");
			amount(met, "ILLEGAL_GAINS_5X", "违法所得", f.illegalGainsFen(), s.illegalGainsFen() * k,
					"第二款（第（四）项标准的" + k + "倍）");
			if (f.consequences() == Consequences.ESPECIALLY_SERIOUS) {
				met.add(new Met("ESPECIALLY_SERIOUS_CONSEQUENCES", "造成特别严重后果", INTERPRETATION + "第二款"));
			}
		}
		return new Assessment(List.copyOf(met), !met.isEmpty());
	}

	private static void amount(List<Met> met, String code, String what, long fen, long standardFen, String item) {
		if (fen >= standardFen) {
			met.add(new Met(code, what + yuan(fen) + "（标准：" + yuan(standardFen) + "以上）", INTERPRETATION + item));
		}
	}

	/** Fen as yuan text, e.g. 20000000 ⇒ "200000.00元". */
	static String yuan(long fen) {
		return String.format(Locale.ROOT, "%d.%02d元", fen / 100, fen % 100);
	}

}
