package org.fanzha.statistics;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.fanzha.cardcutting.CardCuttingStatistics;
import org.fanzha.cases.CaseStatistics;
import org.fanzha.core.Beijing;
import org.fanzha.core.FraudType;
import org.fanzha.core.RegionCode;
import org.fanzha.funds.FundStatistics;
import org.fanzha.linking.CaseLinkage;
import org.fanzha.platform.InvalidFieldsException;
import org.fanzha.telecom.TelecomStatistics;
import org.fanzha.warnings.WarningStatistics;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The figures the people's congress asked the agencies for (the seed's inquiry; DOMAIN.md
 * §2 capability 11), for a period, assembled from each module's aggregates: reports and
 * losses; money stopped, frozen and returned and the recovery rate; warnings and
 * dissuasions by channel with the losses they prevented; SIMs checked, refused and
 * restricted. Only counts and sums leave this class — never a person, a phone, an ID or
 * an account — so the oversight role may read all of it. Periods are calendar days in
 * Beijing time, end exclusive.
 */
@Service
public class OversightReporting {

	static final ZoneId BEIJING = Beijing.ZONE;

	/**
	 * A row of a breakdown: key (region code, type, agency, channel), its Chinese label
	 * and figures by name.
	 */
	public record Row(String key, String label, Map<String, Long> figures) {

		public long get(String name) {
			return figures.getOrDefault(name, 0L);
		}
	}

	/**
	 * @param recoveryRate money returned ÷ losses reported in the period (0 when nothing
	 * was reported)
	 * @param interceptRate money stopped or frozen ÷ losses reported in the period (stops
	 * and freezes overlap when a stopped account is then frozen, so this is an upper
	 * bound)
	 */
	public record Report(LocalDate from, LocalDate toExclusive, Instant generatedAt, Map<String, Long> totals,
			double recoveryRate, double interceptRate, List<Row> byCity, List<Row> byFraudType, List<Row> byAgency,
			List<Row> warningsByChannel, List<Row> warningsByOutcome, List<Row> telecomByOperator, List<Row> byCounty) {

		public long total(String name) {
			return totals.getOrDefault(name, 0L);
		}
	}

	private final CaseStatistics cases;

	private final FundStatistics funds;

	private final WarningStatistics warnings;

	private final MessageSource messages;

	private final TelecomStatistics telecom;

	private final Clock clock;

	private final CaseLinkage linking;

	private final CardCuttingStatistics cardCutting;

	OversightReporting(CaseStatistics cases, FundStatistics funds, WarningStatistics warnings,
			TelecomStatistics telecom, Clock clock, CaseLinkage linking, CardCuttingStatistics cardCutting,
			MessageSource messages) {
		this.messages = messages;
		this.linking = linking;
		this.cardCutting = cardCutting;
		this.cases = cases;
		this.funds = funds;
		this.warnings = warnings;
		this.telecom = telecom;
		this.clock = clock;
	}

	public Report month(YearMonth month) {
		return report(month.atDay(1), month.plusMonths(1).atDay(1));
	}

	/** The month that contains today (Beijing time). */
	public YearMonth currentMonth() {
		return YearMonth.from(clock.instant().atZone(BEIJING));
	}

	public Report report(LocalDate from, LocalDate toExclusive) {
		if (from == null || toExclusive == null || !from.isBefore(toExclusive)) {
			throw new InvalidFieldsException(Map.of("period", "from must be a day before to"));
		}
		if (from.plusYears(5).isBefore(toExclusive)) {
			throw new InvalidFieldsException(Map.of("period", "at most five years at a time"));
		}
		Instant start = from.atStartOfDay(BEIJING).toInstant();
		Instant end = toExclusive.atStartOfDay(BEIJING).toInstant();
		Map<String, Long> totals = new LinkedHashMap<>();
		Map<String, Map<String, Long>> city = new TreeMap<>();
		Map<String, Map<String, Long>> county = new TreeMap<>();
		Map<String, Map<String, Long>> type = new TreeMap<>();
		Map<String, Map<String, Long>> agency = new TreeMap<>();

		for (CaseStatistics.Group g : cases.groups(start, end)) {
			add(totals, "reports", g.reports());
			add(totals, "lossFen", g.lossFen());
			String c = cityOf(g.region());
			add(city.computeIfAbsent(c, k -> new LinkedHashMap<>()), "reports", g.reports());
			add(city.get(c), "lossFen", g.lossFen());
			String where = g.region() != null && g.region().length() == 6 ? g.region() : "000000";
			add(county.computeIfAbsent(where, x -> new LinkedHashMap<>()), "reports", g.reports());
			add(county.get(where), "lossFen", g.lossFen());
			add(type.computeIfAbsent(g.fraudType(), k -> new LinkedHashMap<>()), "reports", g.reports());
			add(type.get(g.fraudType()), "lossFen", g.lossFen());
			add(agency.computeIfAbsent(g.agencyCode(), k -> new LinkedHashMap<>()), "reports", g.reports());
			add(agency.get(g.agencyCode()), "lossFen", g.lossFen());
		}
		for (FundStatistics.Agency a : funds.byAgency(start, end)) {
			Map<String, Long> row = agency.computeIfAbsent(a.agencyCode(), k -> new LinkedHashMap<>());
			long[] v = { a.stopsIssued(), a.stopsExecuted(), a.stoppedFen(), a.freezes(), a.frozenFen(),
					a.returnsExecuted(), a.returnedFen() };
			String[] names = { "stopsIssued", "stopsExecuted", "stoppedFen", "freezes", "frozenFen", "returns",
					"returnedFen" };
			for (int i = 0; i < v.length; i++) {
				add(totals, names[i], v[i]);
				add(row, names[i], v[i]);
			}
		}
		WarningStatistics.Statistics w = warnings.statistics(start, end, "");
		add(totals, "warnings", w.warnings());
		add(totals, "dissuaded", w.dissuaded());
		add(totals, "preventedFen", w.preventedFen());
		add(totals, "visits", w.byChannel().getOrDefault("VISIT", 0L));
		add(totals, "calls", w.byChannel().getOrDefault("PHONE_CALL", 0L));
		add(totals, "sms", w.byChannel().getOrDefault("SMS", 0L));
		for (WarningStatistics.Row r : w.byCity()) {
			Map<String, Long> row = city.computeIfAbsent(r.key(), k -> new LinkedHashMap<>());
			add(row, "warnings", r.warnings());
			add(row, "dissuaded", r.dissuaded());
			add(row, "preventedFen", r.preventedFen());
		}
		List<Row> channels = new ArrayList<>();
		w.byChannel()
			.forEach((k, n) -> channels.add(new Row(k, zh("warnings.channel." + k, k), Map.of("warnings", n))));
		List<Row> outcomes = new ArrayList<>();
		w.byOutcome()
			.forEach((k, n) -> outcomes.add(new Row(k, zh("warnings.outcome." + k, k), Map.of("warnings", n))));

		List<Row> operators = new ArrayList<>();
		for (TelecomStatistics.Operator o : telecom.byOperator(start, end).values()) {
			Map<String, Long> f = new LinkedHashMap<>();
			long checked = o.checksByDecision().values().stream().mapToLong(Long::longValue).sum();
			f.put("simChecks", checked);
			f.put("simRefused", o.checksByDecision().getOrDefault("REFUSE", 0L));
			f.put("simReverify", o.measuresByKind().getOrDefault("REVERIFY", 0L));
			f.put("simRestricted", o.measuresByKind().getOrDefault("RESTRICT_OUTGOING", 0L));
			f.put("simSuspended", o.measuresByKind().getOrDefault("SUSPEND", 0L));
			f.put("simBoxes", o.simBoxes());
			f.put("simAppeals", o.appeals());
			f.put("simLifted", o.lifted());
			f.forEach((k, v) -> add(totals, k, v));
			operators.add(new Row(o.operator(), operatorLabel(o.operator()), f));
		}
		// linking: the groups as they stand now (a group spans periods), referrals made
		// in the period
		CaseLinkage.Figures l = linking.figures(start, end);
		add(totals, "caseGroups", l.groups());
		add(totals, "casesLinked", l.casesLinked());
		add(totals, "referrals", l.referrals());
		add(totals, "casesReferred", l.casesReferred());
		// card-cutting: the disciplinary list's steps and the students whose schools were
		// told
		CardCuttingStatistics.Figures cc = cardCutting.figures(start, end);
		add(totals, "listingsProposed", cc.listingSteps().getOrDefault("PROPOSED", 0L));
		add(totals, "listingsDecided", cc.listingSteps().getOrDefault("DECIDED", 0L));
		add(totals, "listingAppeals", cc.listingSteps().getOrDefault("APPEALED", 0L));
		add(totals, "listingsLifted", cc.listingSteps().getOrDefault("LIFTED", 0L));
		add(totals, "studentsNotified", cc.studentsNotified());
		for (String k : List.of("reports", "lossFen", "stopsIssued", "stopsExecuted", "stoppedFen", "freezes",
				"frozenFen", "returns", "returnedFen", "simChecks", "simRefused", "simReverify", "simRestricted",
				"simSuspended", "simBoxes", "simAppeals", "simLifted")) {
			totals.putIfAbsent(k, 0L);
		}
		long loss = totals.get("lossFen");
		double recovery = loss == 0 ? 0 : (double) totals.get("returnedFen") / loss;
		double intercept = loss == 0 ? 0
				: Math.min(1.0, (double) (totals.get("stoppedFen") + totals.get("frozenFen")) / loss);
		return new Report(from, toExclusive, clock.instant(), totals, recovery, intercept,
				rows(city, OversightReporting::regionLabel), rows(type, OversightReporting::caseTypeLabel),
				rows(agency, k -> k), channels, outcomes, operators, rows(county, OversightReporting::regionLabel));
	}

	private static List<Row> rows(Map<String, Map<String, Long>> m, Function<String, String> label) {
		List<Row> out = new ArrayList<>();
		m.forEach((k, v) -> out.add(new Row(k, label.apply(k), Map.copyOf(v))));
		return out;
	}

	private static void add(Map<String, Long> m, String k, long v) {
		m.merge(k, v, Long::sum);
	}

	static String cityOf(String county) {
		return county != null && county.length() == 6 ? county.substring(0, 4) + "00" : "000000";
	}

	/**
	 * The report is the platform's monthly report in Chinese; its labels come from the
	 * zh-CN bundle.
	 */
	private String zh(String key, String fallback) {
		return messages.getMessage(key, null, fallback, Locale.SIMPLIFIED_CHINESE);
	}

	/**
	 * The Chinese name of a case's fraud type (the core vocabulary), the code where
	 * unknown.
	 */
	static String caseTypeLabel(String caseType) {
		return FraudType.parse(caseType).map(FraudType::label).orElse(caseType);
	}

	static String regionLabel(String code) {
		return RegionCode.isValid(code) ? RegionCode.of(code).name().orElse(code) : code;
	}

	static String operatorLabel(String op) {
		return switch (op) {
			case "CHINA_MOBILE" -> "中国移动";
			case "CHINA_UNICOM" -> "中国联通";
			case "CHINA_TELECOM" -> "中国电信";
			case "CHINA_BROADNET" -> "中国广电";
			case "MVNO" -> "虚拟运营商";
			default -> op;
		};
	}

}
