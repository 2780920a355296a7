package org.fanzha.linking;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.fanzha.audit.AuditTrail;
import org.fanzha.cases.CaseDetail;
import org.fanzha.cases.CaseFileView;
import org.fanzha.core.FraudType;
import org.fanzha.core.Money;
import org.fanzha.core.RegionCode;
import org.fanzha.engine.jurisdiction.AcceptingUnit;
import org.fanzha.engine.jurisdiction.ConnectionKind;
import org.fanzha.engine.jurisdiction.ConnectionPoint;
import org.fanzha.engine.jurisdiction.DecisionSheet;
import org.fanzha.engine.jurisdiction.JurisdictionAdvice;
import org.fanzha.engine.jurisdiction.JurisdictionAdvisor;
import org.fanzha.engine.linking.CaseLinker;
import org.fanzha.engine.linking.IdentifierKind;
import org.fanzha.engine.linking.Linking;
import org.fanzha.engine.linking.WholeChain;
import org.fanzha.funds.FundControl;
import org.fanzha.funds.InstructionView;
import org.fanzha.identity.Directory;
import org.fanzha.ledger.TransferLedger;
import org.fanzha.platform.ConflictException;
import org.fanzha.platform.InvalidFieldsException;
import org.fanzha.platform.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * Case linking (串并案) on the platform: every case file's identifiers (first-level payee
 * accounts and their bank, suspects' phones, websites, apps, IM accounts, accounts) go
 * into the engine's {@link CaseLinker}; groups of linked cases come with the shared
 * evidence and the merge grounds it meets; a group's whole chain ({@link WholeChain}:
 * callers, technical help, card sellers, mule levels from the stop-payment instructions)
 * and its jurisdiction ({@link JurisdictionAdvisor}: every victim's county, the calls'
 * arrival, the first accepting unit) are derived on request, with a printable
 * decision-support sheet. The centre refers a group to the procuratorate that follows.
 * Linking is recomputed only when the case files changed (the whole province links in
 * milliseconds).
 */
@Service
public class CaseLinkage {

	/** A group of linked cases; {@code key} is its oldest case's number. */
	/**
	 * @param mergeable whether the merge grounds alone connect every case (else some
	 * cases hang on leads — a phone, an app — that an investigator must confirm before
	 * the group is handled as one)
	 */
	public record GroupSummary(String key, int cases, long lossFen, Instant first, Instant last, List<String> grounds,
			boolean mergeable, int sharedIdentifiers, Optional<Referral> referral) {
	}

	public record CaseLine(String caseNumber, String agencyCode, Instant reportedAt, FraudType fraudType, long lossFen,
			String region, String regionName) {
	}

	/**
	 * One shared identifier, the cases naming it, and the merge ground it meets (null: an
	 * investigative lead).
	 */
	public record EvidenceLine(String identifier, String kind, String kindLabel, List<String> caseNumbers,
			String ground) {
	}

	public record Referral(String groupKey, String procuratorate, int cases, String referredBy, Instant referredAt,
			String note) {
	}

	public record GroupDetail(GroupSummary summary, List<CaseLine> cases, List<EvidenceLine> evidence,
			WholeChain.View chain, JurisdictionAdvice jurisdiction) {
	}

	/**
	 * Figures for oversight: groups of two or more cases, the cases in them, referrals in
	 * a period.
	 */
	public record Figures(long groups, long casesLinked, long referrals, long casesReferred) {
	}

	static final int MAX_CASES = 200_000;

	private final CaseFileView files;

	private final FundControl funds;

	private final TransferLedger ledger;

	private final Directory directory;

	private final Referrals referrals;

	private final AuditTrail audit;

	private final Clock clock;

	private volatile Snapshot snapshot;

	CaseLinkage(CaseFileView files, FundControl funds, TransferLedger ledger, Directory directory, Referrals referrals,
			AuditTrail audit, Clock clock) {
		this.ledger = ledger;
		this.files = files;
		this.funds = funds;
		this.directory = directory;
		this.referrals = referrals;
		this.audit = audit;
		this.clock = clock;
	}

	private record Snapshot(String version, List<CaseFileView.CaseFile> files, Linking linking,
			Map<String, Integer> index) {
	}

	private Snapshot snapshot() {
		String version = files.version();
		Snapshot s = snapshot;
		if (s != null && s.version().equals(version)) {
			return s;
		}
		synchronized (this) {
			s = snapshot;
			if (s != null && s.version().equals(version)) {
				return s;
			}
			List<CaseFileView.CaseFile> all = files.all(MAX_CASES);
			CaseLinker linker = new CaseLinker();
			Map<String, Integer> index = new HashMap<>();
			for (int i = 0; i < all.size(); i++) {
				CaseFileView.CaseFile f = all.get(i);
				index.put(f.caseNumber(), i);
				linker.addCase(i);
				for (CaseFileView.Payee p : f.payees()) {
					linker.add(i, IdentifierKind.FUND_ACCOUNT, account(p.bank(), p.account()));
					linker.add(i, IdentifierKind.BANK, p.bank());
				}
				for (CaseDetail.Suspect x : f.suspects()) {
					Optional<Map.Entry<IdentifierKind, String>> id = identifier(x);
					if (id.isPresent()) {
						linker.add(i, id.get().getKey(), id.get().getValue());
					}
				}
			}
			s = new Snapshot(version, all, linker.link(), index);
			snapshot = s;
			return s;
		}
	}

	/**
	 * "ICBC" + "6222…" ⇒ "ICBC:6222…"; an account already written with its institution
	 * stays as it is.
	 */
	static String account(String bank, String account) {
		String a = account.strip();
		return a.contains(":") ? a : bank + ":" + a;
	}

	/**
	 * A suspect identifier as the linker keys it: phones by digits, websites by host,
	 * fund accounts as the payees are keyed (institution:account, so a named account
	 * links to another case's payee), chat groups and IM accounts with their platform,
	 * cash-out points by kind and the identifier without spaces or case; the rest as
	 * written. Merge grounds and leads follow {@link IdentifierKind}: chat groups,
	 * cash-out points, websites and fund accounts are grounds.
	 */
	static Optional<Map.Entry<IdentifierKind, String>> identifier(CaseDetail.Suspect s) {
		String v = s.value() == null ? "" : s.value().strip();
		if (v.isEmpty()) {
			return Optional.empty();
		}
		String platform = s.platform() == null || s.platform().isBlank() ? null : s.platform().strip();
		return switch (s.kind()) {
			case "PHONE" -> Optional.of(Map.entry(IdentifierKind.PHONE, v.replaceAll("[^0-9]", "")));
			case "URL" -> Optional.of(Map.entry(IdentifierKind.WEBSITE, host(v)));
			case "APP" -> Optional.of(Map.entry(IdentifierKind.APP, v.toLowerCase(Locale.ROOT)));
			case "IM" -> Optional.of(Map.entry(IdentifierKind.IM_ACCOUNT, platform == null ? v : platform + ":" + v));
			case "ACCOUNT" ->
				Optional.of(Map.entry(IdentifierKind.FUND_ACCOUNT, platform == null ? v : account(platform, v)));
			case "CHAT_GROUP" ->
				Optional.of(Map.entry(IdentifierKind.CHAT_GROUP, (platform == null ? "" : platform + ":") + v));
			case "CASH_OUT" -> Optional.of(Map.entry(IdentifierKind.CASH_OUT_POINT,
					(platform == null ? "" : platform + ":") + v.replaceAll("\\s+", "").toLowerCase(Locale.ROOT)));
			default -> Optional.empty();
		};
	}

	/**
	 * "https://Xinhui88.top/login?x=1" ⇒ "xinhui88.top": the same site behind different
	 * pages.
	 */
	static String host(String url) {
		try {
			String h = URI.create(url.contains("://") ? url : "http://" + url).getHost();
			if (h != null && !h.isBlank()) {
				h = h.toLowerCase(Locale.ROOT);
				return h.startsWith("www.") ? h.substring(4) : h;
			}
		}
		catch (IllegalArgumentException e) {
			// not a URL: keep it as written
		}
		return url.toLowerCase(Locale.ROOT);
	}

	/** Groups of at least {@code minCases} cases, largest first. */
	public List<GroupSummary> groups(int minCases, int limit) {
		Snapshot s = snapshot();
		Map<String, Referral> referred = referrals.all();
		List<GroupSummary> out = new ArrayList<>();
		for (int g = 0; g < s.linking().groupCount(); g++) {
			if (s.linking().size(g) >= Math.max(1, minCases)) {
				out.add(summary(s, g, referred));
			}
		}
		out.sort((a, b) -> a.cases() != b.cases() ? Integer.compare(b.cases(), a.cases()) : a.key().compareTo(b.key()));
		return out.size() > limit ? out.subList(0, limit) : out;
	}

	private GroupSummary summary(Snapshot s, int g, Map<String, Referral> referred) {
		int[] cases = s.linking().cases(g);
		long loss = 0;
		Instant first = null, last = null;
		for (int c : cases) {
			CaseFileView.CaseFile f = s.files().get(c);
			loss += f.lossFen();
			first = first == null || f.reportedAt().isBefore(first) ? f.reportedAt() : first;
			last = last == null || f.reportedAt().isAfter(last) ? f.reportedAt() : last;
		}
		Set<String> grounds = new LinkedHashSet<>();
		List<Linking.Evidence> evidence = s.linking().evidence(g);
		for (Linking.Evidence e : evidence) {
			if (e.ground() != null) {
				grounds.add(e.ground().text());
			}
		}
		String key = s.files().get(cases[0]).caseNumber();
		return new GroupSummary(key, cases.length, loss, first, last, List.copyOf(grounds),
				s.linking().mergeableAsWhole(g), evidence.size(), Optional.ofNullable(referred.get(key)));
	}

	/**
	 * The group that holds a case: its cases, shared evidence, whole chain and
	 * jurisdiction (the read is audited).
	 */
	public GroupDetail group(String caseNumber, String dispute) {
		Snapshot s = snapshot();
		Integer i = s.index().get(caseNumber);
		if (i == null) {
			throw new NotFoundException("no case " + caseNumber);
		}
		if (dispute != null && dispute.length() > 400) {
			throw new InvalidFieldsException(Map.of("dispute", "at most 400 characters"));
		}
		int g = s.linking().groupOf(i);
		int[] members = s.linking().cases(g);
		GroupSummary summary = summary(s, g, referrals.all());
		List<CaseLine> cases = new ArrayList<>();
		for (int c : members) {
			CaseFileView.CaseFile f = s.files().get(c);
			cases.add(new CaseLine(f.caseNumber(), f.agencyCode(), f.reportedAt(), f.fraudType(), f.lossFen(),
					f.victimRegion(), RegionCode.isValid(f.victimRegion())
							? RegionCode.of(f.victimRegion()).name().orElse(f.victimRegion()) : f.victimRegion()));
		}
		List<EvidenceLine> evidence = new ArrayList<>();
		for (Linking.Evidence e : s.linking().evidence(g)) {
			List<String> numbers = new ArrayList<>();
			for (int c : e.cases()) {
				numbers.add(s.files().get(c).caseNumber());
			}
			evidence.add(new EvidenceLine(e.identifier(), e.kind().name(), kindLabel(e.kind()), numbers,
					e.ground() == null ? null : e.ground().text()));
		}
		Flow flow = flow(s, members);
		WholeChain.View chain = chain(s, members, flow);
		JurisdictionAdvice advice = jurisdiction(s, members, chain, flow, dispute);
		audit.read("case-group", summary.key(), caseNumber, "case linking: whole chain and jurisdiction");
		return new GroupDetail(summary, cases, evidence, chain, advice);
	}

	/**
	 * How long after a victim's payment the chain's accounts are followed for where the
	 * money went.
	 */
	static final long FOLLOW_SECONDS = 7 * 24 * 3600L;

	/**
	 * The chain's accounts (level-1 payees, the extended stop-payment accounts), who
	 * holds each, the case and level it belongs to, and where money left it afterwards
	 * (the ledger's transfers with their place).
	 */
	record Flow(Map<String, String> labels, Map<String, Integer> caseOf, Map<String, Integer> levelOf,
			Map<String, List<TransferLedger.Movement>> out, Map<Integer, List<InstructionView>> instructions) {
	}

	private Flow flow(Snapshot s, int[] members) {
		Map<String, String> labels = new LinkedHashMap<>();
		Map<String, Integer> caseOf = new HashMap<>();
		Map<String, Integer> levelOf = new HashMap<>();
		Map<String, Long> since = new HashMap<>();
		Map<Integer, List<InstructionView>> instructions = new HashMap<>();
		for (int c : members) {
			CaseFileView.CaseFile f = s.files().get(c);
			for (CaseFileView.Payee p : f.payees()) {
				String a = p.account().strip();
				labels.putIfAbsent(a, p.name() + "（" + p.bank() + " " + a + "）");
				caseOf.putIfAbsent(a, c);
				levelOf.putIfAbsent(a, 1);
				since.merge(a, p.paidAt().getEpochSecond(), Math::min);
			}
			List<InstructionView> list = funds.forCase(f.caseNumber());
			instructions.put(c, list);
			for (InstructionView v : list) {
				labels.putIfAbsent(v.accountId(), (v.payeeName() == null ? "账户持有人" : v.payeeName()) + "（"
						+ v.institution() + " " + v.accountNumber() + "）");
				caseOf.putIfAbsent(v.accountId(), c);
				levelOf.merge(v.accountId(), v.level(), Math::min);
				since.merge(v.accountId(), v.transactionTime().getEpochSecond(), Math::min);
			}
		}
		Map<String, List<TransferLedger.Movement>> out = new LinkedHashMap<>();
		for (Map.Entry<String, Long> e : since.entrySet()) {
			out.put(e.getKey(), ledger.outgoing(e.getKey(), e.getValue(), e.getValue() + FOLLOW_SECONDS, 50));
		}
		return new Flow(labels, caseOf, levelOf, out, instructions);
	}

	private WholeChain.View chain(Snapshot s, int[] members, Flow flow) {
		List<WholeChain.CaseLoss> losses = new ArrayList<>();
		List<WholeChain.Act> acts = new ArrayList<>();
		for (int c : members) {
			CaseFileView.CaseFile f = s.files().get(c);
			losses.add(new WholeChain.CaseLoss(c, f.lossFen(), f.reportedAt()));
			for (CaseDetail.Suspect x : f.suspects()) {
				switch (x.kind()) {
					case "PHONE" -> acts.add(new WholeChain.Act("号码 " + x.value(), WholeChain.Role.CALLER, 0, c, 0,
							f.reportedAt(), f.caseNumber() + "：被害人指认的来电/短信号码"));
					case "URL", "APP" -> acts.add(new WholeChain.Act(
							("URL".equals(x.kind()) ? "网站 " + host(x.value()) : "APP " + x.value()) + " 的搭建/维护者",
							WholeChain.Role.TECHNICAL_HELP, 0, c, 0, f.reportedAt(), f.caseNumber() + "：被害人被引导使用"));
					default -> {
					}
				}
			}
			for (CaseFileView.Payee p : f.payees()) {
				String who = p.name() + "（" + p.bank() + " " + p.account() + "）";
				acts.add(new WholeChain.Act(who, WholeChain.Role.CARD_SELLER, 0, c, p.amountFen(), p.paidAt(),
						f.caseNumber() + "：一级账户收到被害人转账，账户出租/出售嫌疑"));
				acts.add(new WholeChain.Act(who, WholeChain.Role.MULE, 1, c, p.amountFen(), p.paidAt(),
						f.caseNumber() + "：一级账户收款 " + Money.ofFen(p.amountFen())));
			}
			for (InstructionView v : flow.instructions().getOrDefault(c, List.of())) {
				if (v.level() >= 2) {
					String who = (v.payeeName() == null ? "账户持有人" : v.payeeName()) + "（" + v.institution() + " "
							+ v.accountNumber() + "）";
					acts.add(new WholeChain.Act(who, WholeChain.Role.MULE, v.level(), c, v.amountFen(),
							v.transactionTime(), f.caseNumber() + "：第" + v.level() + "级账户（延伸止付 #" + v.id() + "）"));
				}
			}
		}
		// cash taken out of the chain's accounts: the cash-out role, where and how much
		for (Map.Entry<String, List<TransferLedger.Movement>> e : flow.out().entrySet()) {
			for (TransferLedger.Movement m : e.getValue()) {
				if (m.toAccount() == null) {
					acts.add(new WholeChain.Act(flow.labels().get(e.getKey()), WholeChain.Role.CASH_OUT, 0,
							flow.caseOf().get(e.getKey()), m.amountFen(), Instant.ofEpochSecond(m.epochSecond()),
							"取现 " + Money.ofFen(m.amountFen()) + "（" + m.channel()
									+ (m.region() == null ? "" : "，" + regionName(m.region())) + "，交易 " + m.transferId()
									+ "）"));
				}
			}
		}
		return new WholeChain().of(losses, acts, Map.of());
	}

	private static String regionName(String code) {
		return RegionCode.isValid(code) ? RegionCode.of(code).name().orElse(code) + "（" + code + "）" : code;
	}

	private JurisdictionAdvice jurisdiction(Snapshot s, int[] members, WholeChain.View chain, Flow flow,
			String dispute) {
		List<ConnectionPoint> points = new ArrayList<>();
		CaseFileView.CaseFile oldest = s.files().get(members[0]);
		for (int c : members) {
			CaseFileView.CaseFile f = s.files().get(c);
			if (!RegionCode.isValid(f.victimRegion())) {
				continue;
			}
			points.add(ConnectionPoint.victim(f.victimRegion(), f.lossFen(), f.caseNumber() + "：被害人报案所在地",
					f.reportedAt()));
			if (f.suspects().stream().anyMatch(x -> "PHONE".equals(x.kind()))) {
				points.add(ConnectionPoint
					.of(ConnectionKind.CALL_OR_SMS_RECEIVED, f.victimRegion(), f.caseNumber() + "：诈骗电话/短信到达被害人所在地")
					.at(f.reportedAt()));
			}
		}
		// where the money was moved on or taken out in cash: one point per account and
		// place
		Set<String> seen = new HashSet<>();
		for (Map.Entry<String, List<TransferLedger.Movement>> e : flow.out().entrySet()) {
			for (TransferLedger.Movement m : e.getValue()) {
				if (m.region() == null || !RegionCode.isValid(m.region())) {
					continue;
				}
				boolean cash = m.toAccount() == null;
				if (seen.add(e.getKey() + (cash ? "/cash/" : "/move/") + m.region())) {
					points.add(ConnectionPoint
						.of(cash ? ConnectionKind.MONEY_WITHDRAWN : ConnectionKind.MONEY_MOVED, m.region(),
								"第" + flow.levelOf().get(e.getKey()) + "级账户 " + e.getKey() + (cash ? " 取现 " : " 转出 ")
										+ Money.ofFen(m.amountFen()) + "（交易 " + m.transferId() + "）")
						.at(Instant.ofEpochSecond(m.epochSecond())));
				}
			}
		}
		AcceptingUnit first = directory.agency(oldest.agencyCode())
			.filter(a -> a.regionCode() != null)
			.map(a -> AcceptingUnit.of(a.name(), a.regionCode().value()))
			.orElse(null);
		boolean multiLevel = chain.roles()
			.stream()
			.anyMatch(r -> r.role() == WholeChain.Role.MULE && r.muleLevel() >= 2);
		return new JurisdictionAdvisor().advise(points, first,
				dispute == null || dispute.isBlank() ? null : dispute.strip(), multiLevel);
	}

	/** The printable decision-support sheet of the group that holds a case. */
	public String sheet(String caseNumber, String dispute) {
		GroupDetail d = group(caseNumber, dispute);
		return DecisionSheet.html(d.jurisdiction(), "案件组 " + d.summary().key() + "（" + d.summary().cases() + " 起）",
				clock.instant());
	}

	/**
	 * The centre refers the group to the procuratorate that follows the recommended
	 * police unit.
	 */
	public Referral refer(String caseNumber, String actor, String note) {
		if (note != null && note.length() > 400) {
			throw new InvalidFieldsException(Map.of("note", "at most 400 characters"));
		}
		GroupDetail d = group(caseNumber, null);
		if (d.summary().referral().isPresent()) {
			throw new ConflictException("case group " + d.summary().key() + " was referred already");
		}
		String procuratorate = d.jurisdiction()
			.followOn()
			.map(JurisdictionAdvice.FollowOn::procuratorate)
			.orElse("由指定管辖的上级机关确定");
		Referral r = new Referral(d.summary().key(), procuratorate, d.summary().cases(), actor, clock.instant(),
				note == null || note.isBlank() ? null : note.strip());
		referrals.insert(r, d.cases().stream().map(CaseLine::caseNumber).toList());
		return r;
	}

	/** Groups and linked cases now; referrals made in [from, to). */
	public Figures figures(Instant from, Instant to) {
		Snapshot s = snapshot();
		long groups = 0, linked = 0;
		for (int g = 0; g < s.linking().groupCount(); g++) {
			int n = s.linking().size(g);
			if (n >= 2) {
				groups++;
				linked += n;
			}
		}
		long[] r = referrals.count(from, to);
		return new Figures(groups, linked, r[0], r[1]);
	}

	static String kindLabel(IdentifierKind k) {
		return switch (k) {
			case FUND_ACCOUNT -> "资金账户";
			case WEBSITE -> "网站";
			case CHAT_GROUP -> "聊天群组";
			case DEN -> "窝点";
			case CASH_OUT_POINT -> "取现点";
			case SUSPECT -> "嫌疑人";
			case PHONE -> "电话号码";
			case DEVICE -> "设备（IMEI）";
			case APP -> "APP";
			case IM_ACCOUNT -> "聊天账号";
			case BANK -> "开户行";
		};
	}

	/** Labels for the views: engine kinds keyed by name. */
	public static Map<String, String> kindLabels() {
		Map<String, String> m = new LinkedHashMap<>();
		for (IdentifierKind k : IdentifierKind.values()) {
			m.put(k.name(), kindLabel(k));
		}
		return m;
	}

}
