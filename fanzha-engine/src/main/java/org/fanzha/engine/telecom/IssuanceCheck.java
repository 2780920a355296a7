package org.fanzha.engine.telecom;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.fanzha.core.IdNumber;
import org.fanzha.core.Operator;

/**
 * Checks an application for a SIM card (办卡) before the card is issued, and answers
 * {@link Decision#APPROVE}, {@link Decision#EXTRA_CHECK} (issue only after the checks
 * named in the reasons: guardian's documents, face check, signed risk notice, a review in
 * an operator-run hall) or {@link Decision#REFUSE}, with every reason naming its rule and
 * its source (a law article or an operator/provincial policy). The most severe reason
 * decides.
 *
 * <p>
 * The rules, in the order they are reported (thresholds in {@link Limits}, all
 * configurable):
 * <table>
 * <caption>Issuance rules</caption>
 * <tr>
 * <th>Code</th>
 * <th>When</th>
 * <th>Decision</th>
 * <th>Source</th>
 * </tr>
 * <tr>
 * <td>{@code ID_EXPIRED}</td>
 * <td>the ID card's validity ended before the application date (an ID expiring today is
 * still valid today; no end date = 长期, long-term)</td>
 * <td>REFUSE</td>
 * <td>art. 9 (real-name registration)</td>
 * </tr>
 * <tr>
 * <td>{@code UNDER_AGE}</td>
 * <td>younger than {@code minimumAge} (the birthday counts: on the 16th birthday one is
 * 16; a 29 February birthday is reached on 1 March in common years, as
 * {@link java.time.Period} counts), no guardian</td>
 * <td>REFUSE</td>
 * <td>operator policy (age 16 to apply alone)</td>
 * </tr>
 * <tr>
 * <td>{@code UNDER_AGE_GUARDIAN}</td>
 * <td>as above with the guardian present</td>
 * <td>EXTRA_CHECK</td>
 * <td>operator policy</td>
 * </tr>
 * <tr>
 * <td>{@code FACE_FAILED} / {@code FACE_MISSING}</td>
 * <td>face verification failed / not done</td>
 * <td>REFUSE / EXTRA_CHECK</td>
 * <td>operator/provincial policy (人像比对)</td>
 * </tr>
 * <tr>
 * <td>{@code OPERATOR_LIMIT}</td>
 * <td>held with this operator + this one &gt; {@code perOperator} (4 held: the 5th is
 * allowed; 5 held: the 6th is refused)</td>
 * <td>REFUSE</td>
 * <td>art. 10</td>
 * </tr>
 * <tr>
 * <td>{@code TOTAL_LIMIT}</td>
 * <td>held with all operators + this one &gt; {@code total}</td>
 * <td>REFUSE</td>
 * <td>art. 10</td>
 * </tr>
 * <tr>
 * <td>{@code FREQUENT_APPLICATIONS}</td>
 * <td>applications in the last {@code applicationWindowDays} days (today included) + this
 * one &gt; {@code applicationsLimit}</td>
 * <td>EXTRA_CHECK</td>
 * <td>art. 10 para. 2 (abnormal applications)</td>
 * </tr>
 * <tr>
 * <td>{@code ADDRESS_LIMIT}</td>
 * <td>cards shipped to the normalised address in the last {@code addressWindowDays} days
 * + this one &gt; {@code cardsPerAddress}</td>
 * <td>REFUSE</td>
 * <td>operator/provincial policy</td>
 * </tr>
 * <tr>
 * <td>{@code RISK_NOTICE_UNSIGNED}</td>
 * <td>the risk notice is not signed</td>
 * <td>EXTRA_CHECK</td>
 * <td>provincial policy (风险告知书)</td>
 * </tr>
 * <tr>
 * <td>{@code AGENT_WATCHED}</td>
 * <td>the selling agent is on the operator's watch list</td>
 * <td>EXTRA_CHECK</td>
 * <td>art. 9 para. 2</td>
 * </tr>
 * <tr>
 * <td>{@code LISTED_SUSPENDED}</td>
 * <td>on the disciplinary list with new business suspended</td>
 * <td>REFUSE</td>
 * <td>art. 31</td>
 * </tr>
 * <tr>
 * <td>{@code LISTED_LIMITED} / {@code LISTED_LIMIT}</td>
 * <td>on the disciplinary list with network access limited: within {@code listedMaxTotal}
 * cards in all, in person only / beyond it</td>
 * <td>EXTRA_CHECK / REFUSE</td>
 * <td>art. 31</td>
 * </tr>
 * </table>
 *
 * <p>
 * Malformed input — an ID number with a wrong check digit, an impossible birth date or
 * region, a validity end before the birth date, an unknown operator, a missing field — is
 * an {@link IllegalArgumentException} naming the field, not a decision. The application
 * date comes from the injected {@link Clock} (use one in China Standard Time). Cost: a
 * handful of registry calls and string checks; the check holds no state.
 */
public final class IssuanceCheck {

	public enum Decision {

		APPROVE, EXTRA_CHECK, REFUSE

	}

	/**
	 * Result of the face check against the ID photo (人像比对), required for every
	 * application.
	 */
	public enum FaceVerification {

		PASSED, FAILED, MISSING

	}

	/** Disciplinary-list status of the applicant (art. 31). */
	public enum Listing {

		NOT_LISTED,
		/** 暂停新业务: no new SIM. */
		NEW_BUSINESS_SUSPENDED,
		/**
		 * 限制入网: at most {@link Limits#listedMaxTotal} cards in all, applied for in person
		 * and reviewed.
		 */
		NETWORK_ACCESS_LIMITED

	}

	/**
	 * Every threshold of the check. Defaults ({@link #DEFAULTS}): age 16 to apply alone,
	 * 5 cards per operator and 10 in all (DOMAIN.md §3, secondary), 3 applications in 30
	 * days, 5 cards to one address in 30 days (assumptions: operator/provincial policy),
	 * 1 card in all for a person whose network access is limited (assumption).
	 */
	public record Limits(int minimumAge, int perOperator, int total, int applicationsLimit, int applicationWindowDays,
			int cardsPerAddress, int addressWindowDays, int listedMaxTotal) {

		public static final Limits DEFAULTS = new Limits(16, 5, 10, 3, 30, 5, 30, 1);

		public Limits {
			if (minimumAge < 0 || perOperator < 1 || total < perOperator || applicationsLimit < 1
					|| applicationWindowDays < 1 || cardsPerAddress < 1 || addressWindowDays < 1
					|| listedMaxTotal < 0) {
				throw new IllegalArgumentException(
						"limits must be positive (total >= perOperator, ages and listedMaxTotal >= 0)");
			}
		}
	}

	/**
	 * An application for a SIM card.
	 *
	 * @param idNumber the applicant's ID number as given (checked: 18 characters, MOD
	 * 11-2 check digit, birth date, region)
	 * @param idValidUntil last day the ID card is valid, or null for a long-term (长期)
	 * card
	 * @param shippingAddress where the card is sent, or null when it is handed over at
	 * the counter
	 * @param agentId the selling agent (代理商) or hall that took the application
	 */
	public record Application(String applicationId, Operator operator, String idNumber, LocalDate idValidUntil,
			FaceVerification face, boolean guardianPresent, String shippingAddress, String agentId,
			boolean riskNoticeSigned, Listing listing) {

		public Application {
			require(applicationId, "applicationId");
			if (operator == null) {
				throw new IllegalArgumentException("operator is missing");
			}
			if (operator == Operator.MVNO || operator == Operator.UNKNOWN) {
				throw new IllegalArgumentException(
						"operator " + operator + " is not a card issuer here: use one of " + ISSUERS);
			}
			require(idNumber, "idNumber");
			if (face == null) {
				throw new IllegalArgumentException("face is missing: PASSED, FAILED or MISSING");
			}
			require(agentId, "agentId");
			if (listing == null) {
				throw new IllegalArgumentException(
						"listing is missing: NOT_LISTED, NEW_BUSINESS_SUSPENDED or NETWORK_ACCESS_LIMITED");
			}
		}

		private static void require(String value, String field) {
			if (value == null || value.isBlank()) {
				throw new IllegalArgumentException(field + " is missing");
			}
		}
	}

	/**
	 * A reason: the rule's code, what it decides, the text for the clerk and the
	 * applicant, and its source.
	 */
	public record Reason(String code, Decision decision, String text, String source) {
	}

	/**
	 * The answer: the decision (the most severe reason's, APPROVE without reasons), the
	 * reasons, the application date, the applicant's age that day, and the normalised
	 * shipping address (null when not shipped).
	 */
	public record Result(String applicationId, Decision decision, List<Reason> reasons, LocalDate applicationDate,
			int applicantAge, String normalisedAddress) {
	}

	static final List<Operator> ISSUERS = List.of(Operator.CHINA_MOBILE, Operator.CHINA_UNICOM, Operator.CHINA_TELECOM,
			Operator.CHINA_BROADNET);

	private static final String LAW = "《反电信网络诈骗法》";

	private static final String POLICY = "运营商/省通信管理局办卡政策";

	private final Limits limits;

	private final SimRegistry registry;

	private final Clock clock;

	public IssuanceCheck(Limits limits, SimRegistry registry, Clock clock) {
		if (limits == null || registry == null || clock == null) {
			throw new IllegalArgumentException("limits, registry and clock are required");
		}
		this.limits = limits;
		this.registry = registry;
		this.clock = clock;
	}

	public Limits limits() {
		return limits;
	}

	/** Checks an application on today's date (from the clock). */
	public Result check(Application a) {
		LocalDate today = LocalDate.now(clock);
		IdNumber id;
		try {
			id = IdNumber.parse(a.idNumber(), today);
		}
		catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("idNumber: " + e.getMessage(), e);
		}
		if (a.idValidUntil() != null && a.idValidUntil().isBefore(id.birthDate())) {
			throw new IllegalArgumentException(
					"idValidUntil " + a.idValidUntil() + " is before the birth date " + id.birthDate());
		}
		String address = a.shippingAddress() == null || a.shippingAddress().isBlank() ? null
				: AddressNormaliser.normalise(a.shippingAddress());
		List<Reason> reasons = new ArrayList<>();
		if (a.idValidUntil() != null && a.idValidUntil().isBefore(today)) {
			reasons.add(new Reason("ID_EXPIRED", Decision.REFUSE, "身份证件已于" + a.idValidUntil() + "过期，须持有效身份证件办理",
					LAW + "第九条（电话用户真实身份信息登记）"));
		}
		int age = id.ageOn(today);
		if (age < limits.minimumAge()) {
			reasons.add(
					a.guardianPresent()
							? new Reason("UNDER_AGE_GUARDIAN", Decision.EXTRA_CHECK,
									"申请人未满" + limits.minimumAge() + "周岁（" + age
											+ "周岁），监护人在场：须核验监护人有效身份证件及监护关系，由监护人签字同意",
									POLICY + "（未满16周岁须监护人陪同）")
							: new Reason("UNDER_AGE", Decision.REFUSE,
									"申请人未满" + limits.minimumAge() + "周岁（" + age + "周岁），不得单独办理，须由监护人陪同",
									POLICY + "（未满16周岁须监护人陪同）"));
		}
		if (a.face() == FaceVerification.FAILED) {
			reasons.add(new Reason("FACE_FAILED", Decision.REFUSE, "人像比对（刷脸）未通过，申请人与身份证件不符", POLICY + "（人像比对）"));
		}
		else if (a.face() == FaceVerification.MISSING) {
			reasons.add(new Reason("FACE_MISSING", Decision.EXTRA_CHECK, "未进行人像比对（刷脸），完成比对后方可办理", POLICY + "（人像比对）"));
		}
		int held = registry.simsHeld(id, a.operator());
		if (held + 1 > limits.perOperator()) {
			reasons.add(new Reason("OPERATOR_LIMIT", Decision.REFUSE,
					"申请人在" + name(a.operator()) + "名下已有" + held + "张电话卡，已达每家运营商" + limits.perOperator() + "张的上限",
					LAW + "第十条（办卡数量限制）"));
		}
		int total = registry.simsHeldTotal(id);
		if (total + 1 > limits.total()) {
			reasons.add(new Reason("TOTAL_LIMIT", Decision.REFUSE,
					"申请人在全部运营商名下已有" + total + "张电话卡，已达" + limits.total() + "张的上限", LAW + "第十条（全国开卡数量核验）"));
		}
		int applications = registry.applicationsSince(id, today.minusDays(limits.applicationWindowDays() - 1L));
		if (applications + 1 > limits.applicationsLimit()) {
			reasons.add(new Reason("FREQUENT_APPLICATIONS", Decision.EXTRA_CHECK,
					"近" + limits.applicationWindowDays() + "天内已申请" + applications + "次，属异常办卡情形，须加强核查（核实用途，由自营厅复核）",
					LAW + "第十条第二款（异常办卡加强核查）"));
		}
		if (address != null) {
			int shipped = registry.cardsShippedTo(address, today.minusDays(limits.addressWindowDays() - 1L));
			if (shipped + 1 > limits.cardsPerAddress()) {
				reasons.add(
						new Reason(
								"ADDRESS_LIMIT", Decision.REFUSE, "同一收货地址近" + limits.addressWindowDays() + "天内已寄送"
										+ shipped + "张电话卡，超过" + limits.cardsPerAddress() + "张的限制",
								POLICY + "（同一地址累计寄送电话卡数量）"));
			}
		}
		if (!a.riskNoticeSigned()) {
			reasons.add(new Reason("RISK_NOTICE_UNSIGNED", Decision.EXTRA_CHECK, "申请人未签署《电话卡使用风险告知书》，签署后方可办理",
					POLICY + "（风险告知书）"));
		}
		if (registry.agentWatched(a.agentId())) {
			reasons.add(new Reason("AGENT_WATCHED", Decision.EXTRA_CHECK,
					"受理代理商（" + a.agentId() + "）售出号码涉诈比例偏高，须由运营商自营厅复核", LAW + "第九条第二款（代理商实名制管理责任）"));
		}
		listing(a.listing(), total, reasons);
		Decision decision = reasons.stream()
			.map(Reason::decision)
			.max(Comparator.naturalOrder())
			.orElse(Decision.APPROVE);
		return new Result(a.applicationId(), decision, List.copyOf(reasons), today, age, address);
	}

	private void listing(Listing listing, int total, List<Reason> reasons) {
		String source = LAW + "第三十一条（惩戒措施：暂停新业务、限制入网）";
		switch (listing) {
			case NEW_BUSINESS_SUSPENDED -> reasons
				.add(new Reason("LISTED_SUSPENDED", Decision.REFUSE, "申请人已被列入惩戒名单，暂停办理新业务；对认定有异议的可依法申诉", source));
			case NETWORK_ACCESS_LIMITED -> reasons.add(total + 1 > limits.listedMaxTotal()
					? new Reason("LISTED_LIMIT", Decision.REFUSE, "申请人已被列入惩戒名单（限制入网），名下已有" + total + "张电话卡，不得再办理",
							source)
					: new Reason("LISTED_LIMITED", Decision.EXTRA_CHECK, "申请人已被列入惩戒名单（限制入网）：仅限营业厅现场办理，须经负责人复核",
							source));
			default -> {
			}
		}
	}

	private static String name(Operator operator) {
		return switch (operator) {
			case CHINA_MOBILE -> "中国移动";
			case CHINA_UNICOM -> "中国联通";
			case CHINA_TELECOM -> "中国电信";
			default -> "中国广电";
		};
	}

	/**
	 * An operator from its usual code (CMCC, CUCC, CTCC, CBN), its {@link Operator} name
	 * or its Chinese name.
	 * @throws IllegalArgumentException naming the field for anything else (MVNOs are not
	 * issuers here)
	 */
	public static Operator operator(String code) {
		String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
		return switch (c) {
			case "CMCC", "CHINA_MOBILE", "中国移动" -> Operator.CHINA_MOBILE;
			case "CUCC", "CHINA_UNICOM", "中国联通" -> Operator.CHINA_UNICOM;
			case "CTCC", "CHINA_TELECOM", "中国电信" -> Operator.CHINA_TELECOM;
			case "CBN", "CHINA_BROADNET", "中国广电" -> Operator.CHINA_BROADNET;
			default -> throw new IllegalArgumentException(
					"operator: unknown operator '" + code + "': use CMCC, CUCC, CTCC or CBN");
		};
	}

	private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("uuuuMMdd")
		.withResolverStyle(ResolverStyle.STRICT);

	/**
	 * A date field as typed: {@code yyyy-MM-dd} or {@code yyyyMMdd}, strictly (no 30
	 * February); "长期" (long-term) gives null.
	 * @throws IllegalArgumentException naming {@code field} for anything else
	 */
	public static LocalDate date(String field, String text) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException(field + " is missing");
		}
		String t = text.strip();
		if (t.equals("长期")) {
			return null;
		}
		try {
			return LocalDate.parse(t, t.length() == 8 ? BASIC : ISO);
		}
		catch (DateTimeParseException e) {
			throw new IllegalArgumentException(field + ": '" + text + "' is not a real date (yyyy-MM-dd)");
		}
	}

}
